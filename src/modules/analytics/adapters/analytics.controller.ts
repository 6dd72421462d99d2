import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { GetTopUsage } from '../application/get-top-usage.use-case';
import { GetUsageSeries } from '../application/get-usage-series.use-case';
import { TopUsageDto, TopUsageQueryDto, UsageSeriesDto, UsageSeriesQueryDto } from './analytics.dto';

@ApiTags('analytics')
@Controller('api/v1/analytics')
export class AnalyticsController {
  constructor(
    private readonly getUsageSeries: GetUsageSeries,
    private readonly getTopUsage: GetTopUsage,
  ) {}

  @Get('usage')
  @Scopes('usage:read')
  @ApiOperation({
    operationId: 'getUsageSeries',
    summary: 'Chat usage over time: requests, tokens, cost, rated revenue and margin',
    description:
      "Buckets by hour, day or month in the organization's time zone (or `timezone`), optionally one series " +
      'per agent, customer, model or API key with the top N kept and the rest summed as "other".',
  })
  @ApiOkResponse({ type: UsageSeriesDto })
  usage(@CurrentTenant() tenantId: TenantId, @Query() q: UsageSeriesQueryDto): Promise<UsageSeriesDto> {
    return this.getUsageSeries.execute(tenantId, q);
  }

  @Get('top')
  @Scopes('usage:read')
  @ApiOperation({
    operationId: 'getTopUsage',
    summary: 'Top agents, customers, models or API keys over a range',
  })
  @ApiOkResponse({ type: TopUsageDto })
  top(@CurrentTenant() tenantId: TenantId, @Query() q: TopUsageQueryDto): Promise<TopUsageDto> {
    return this.getTopUsage.execute(tenantId, q);
  }
}
