import { Injectable } from '@nestjs/common';
import { isStoreOutage } from '../../../shared/persistence/store-outage';
import { UsageSpool } from '../domain/usage-record';
import { StoreUsageRecords } from './store-usage-records.use-case';

/**
 * Moves spooled usage records into the store (llm_usage and Billing, idempotent on the record id). While
 * the store is down they stay spooled; a record the store refuses for its own reasons is parked so it
 * never blocks the others.
 */
@Injectable()
export class ReplayUsageSpool {
  constructor(
    private readonly spool: UsageSpool,
    private readonly storeUsage: StoreUsageRecords,
  ) {}

  /** Returns how many records were stored. */
  execute(): Promise<number> {
    if (!this.spool.depth()) return Promise.resolve(0);
    return this.spool.drain(
      (records) => this.storeUsage.execute(records),
      (error) => !isStoreOutage(error),
    );
  }
}
