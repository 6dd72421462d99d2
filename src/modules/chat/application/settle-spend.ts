import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Reservation, SpendGuard } from '../domain/limits.port';

const MAX_DELAY_MS = 30_000;

/**
 * Settles spend reservations without ever failing the call they belong to: the provider has done the work
 * by then, so the caller gets its answer. A settlement that does not land (Redis down or slow) is retried
 * in the background with a doubling delay until it does or the reservation expires; after that, or if
 * this process dies first, the sweeper (ReconcileStaleReservations) closes it against recorded usage.
 * Settling is idempotent, so a retry after a lost reply counts once.
 */
@Injectable()
export class SettleSpend implements OnApplicationShutdown {
  private readonly logger = new Logger(SettleSpend.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly spend: SpendGuard,
    private readonly config: AppConfig,
  ) {}

  /** Settlements waiting for a retry in this process. */
  get pending(): number {
    return this.timers.size;
  }

  async execute(reservation: Reservation, actualNanos: number): Promise<void> {
    try {
      await this.spend.settle(reservation, actualNanos);
    } catch (err) {
      this.logger.warn({ err, reservationId: reservation.id }, 'spend settlement failed; retrying');
      this.retry(reservation, actualNanos, this.config.chat.settleRetryMs);
    }
  }

  private retry(reservation: Reservation, actualNanos: number, delayMs: number): void {
    if (Date.now() + delayMs >= reservation.expiresAt) {
      this.logger.warn({ reservationId: reservation.id }, 'spend settlement left to the sweeper');
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.spend
        .settle(reservation, actualNanos)
        .catch(() => this.retry(reservation, actualNanos, Math.min(delayMs * 2, MAX_DELAY_MS)));
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  onApplicationShutdown(): void {
    // Open reservations stay in Redis with their expiry; the sweeper closes them.
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
