import { Module } from '@nestjs/common';

/** Billing: see README. */
@Module({})
export class BillingModule {}
