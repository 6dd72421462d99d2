import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/** Liveness, readiness (Postgres, Redis) and Prometheus metrics; HTTP metrics hooks are in http-metrics.ts. */
@Module({
  imports: [
    TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
    PrometheusModule.register({
      path: '/metrics',
      controller: MetricsController,
      defaultMetrics: { enabled: true },
    }),
  ],
  controllers: [HealthController],
})
export class ObservabilityModule {}
