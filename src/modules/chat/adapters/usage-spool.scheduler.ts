import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { AppConfig } from '../../../config/app-config';
import { ReplayUsageSpool } from '../application/replay-usage-spool.use-case';

/** Replays the local usage spool at start and every CHAT_USAGE_SPOOL_REPLAY_MS, in every process that records usage. */
@Injectable()
export class UsageSpoolScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsageSpoolScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly replay: ReplayUsageSpool,
    private readonly config: AppConfig,
    private readonly cls: ClsService,
  ) {}

  onApplicationBootstrap(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.chat.usageSpoolReplayMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  tick(): Promise<void> {
    return this.cls.run(async () => {
      try {
        const stored = await this.replay.execute();
        if (stored) this.logger.log({ stored }, 'spooled usage records stored');
      } catch (err) {
        this.logger.warn({ err }, 'usage spool replay failed; retried on the next tick');
      }
    });
  }
}
