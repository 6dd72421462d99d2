import { Module } from '@nestjs/common';

/** Tenancy: see README. */
@Module({})
export class TenancyModule {}
