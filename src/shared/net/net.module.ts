import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { OutboundGuard } from './outbound-guard';

/** The one OutboundGuard of the process, configured by OUTBOUND_* settings. */
// Global: infrastructure for every outbound call (webhooks, tools, rule checks), like config and logging.
@Global()
@Module({
  providers: [
    {
      provide: OutboundGuard,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => new OutboundGuard(c.outbound),
    },
  ],
  exports: [OutboundGuard],
})
export class NetModule implements OnApplicationShutdown {
  constructor(@Inject(OutboundGuard) private readonly guard: OutboundGuard) {}
  async onApplicationShutdown(): Promise<void> {
    await this.guard.close();
  }
}
