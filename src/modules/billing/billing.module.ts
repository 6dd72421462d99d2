import { Global, Module } from '@nestjs/common';
import {
  BudgetSource,
  NoopUsageEventSink,
  UnlimitedBudgetSource,
  UsageEventSink,
} from '../../shared/contracts/metering';

/** Placeholder until the Billing issue lands: usage is dropped and budgets are unlimited. */
@Global()
@Module({
  providers: [
    { provide: UsageEventSink, useClass: NoopUsageEventSink },
    { provide: BudgetSource, useClass: UnlimitedBudgetSource },
  ],
  exports: [UsageEventSink, BudgetSource],
})
export class BillingModule {}
