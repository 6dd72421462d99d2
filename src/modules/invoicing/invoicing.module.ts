import { Module } from '@nestjs/common';

/** Invoicing: see README. */
@Module({})
export class InvoicingModule {}
