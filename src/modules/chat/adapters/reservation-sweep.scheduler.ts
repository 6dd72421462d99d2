import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { AppConfig } from '../../../config/app-config';
import { ReconcileStaleReservations } from '../application/reconcile-stale-reservations.use-case';

/** Runs the stale-reservation sweeper every CHAT_RESERVATION_SWEEP_MS where workers run (idempotent, so any number may). */
@Injectable()
export class ReservationSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReservationSweepScheduler.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly reconcile: ReconcileStaleReservations,
    private readonly config: AppConfig,
    private readonly cls: ClsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.chat.reservationSweepMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const closed = await this.cls.run(() => this.reconcile.execute(Date.now()));
      if (closed) this.logger.log({ closed }, 'stale spend reservations reconciled');
    } catch (err) {
      this.logger.warn({ err }, 'reservation sweep failed; retried on the next tick');
    } finally {
      this.running = false;
    }
  }
}
