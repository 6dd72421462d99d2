import { Module } from '@nestjs/common';
import { AnalyticsController } from './adapters/analytics.controller';
import { SqlUsageAnalyticsReader } from './adapters/sql-usage-analytics.reader';
import { GetTopUsage } from './application/get-top-usage.use-case';
import { GetUsageSeries } from './application/get-usage-series.use-case';
import { UsageAnalyticsReader } from './domain/usage-analytics';

/** Analytics: usage, cost, revenue and margin series read from the hourly rollup the usage worker keeps. */
@Module({
  controllers: [AnalyticsController],
  providers: [
    { provide: UsageAnalyticsReader, useClass: SqlUsageAnalyticsReader },
    GetUsageSeries,
    GetTopUsage,
  ],
})
export class AnalyticsModule {}
