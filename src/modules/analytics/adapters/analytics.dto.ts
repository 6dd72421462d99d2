import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DIMENSIONS, Dimension, INTERVALS, Interval, RANKINGS, Ranking } from '../domain/usage-analytics';

const BOUND = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const boundMessage = '$property must be YYYY-MM-DD (local midnight) or an ISO 8601 date-time on the hour';

class RangeQueryDto {
  @ApiProperty({
    example: '2026-11-01',
    description: 'Local date (midnight in the time zone) or date-time on the hour',
  })
  @Matches(BOUND, { message: boundMessage })
  from!: string;

  @ApiProperty({ example: '2026-12-01', description: 'Exclusive end, same forms as from' })
  @Matches(BOUND, { message: boundMessage })
  to!: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: "IANA zone; default the organization's" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({ enum: RANKINGS, example: 'cost', description: 'What top-N ranks groups by' })
  @IsOptional()
  @IsIn(RANKINGS)
  rankBy?: Ranking;
}

export class UsageSeriesQueryDto extends RangeQueryDto {
  @ApiProperty({ enum: INTERVALS, example: 'day' })
  @IsIn(INTERVALS)
  interval!: Interval;

  @ApiPropertyOptional({
    enum: DIMENSIONS,
    description: "One series per group; default the organization's total",
  })
  @IsOptional()
  @IsIn(DIMENSIONS)
  groupBy?: Dimension;

  @ApiPropertyOptional({
    example: 5,
    minimum: 1,
    maximum: 50,
    description: 'Groups kept; the rest is one "other"',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  top?: number;
}

export class TopUsageQueryDto extends RangeQueryDto {
  @ApiProperty({ enum: DIMENSIONS, example: 'customer' })
  @IsIn(DIMENSIONS)
  groupBy!: Dimension;

  @ApiPropertyOptional({ example: 10, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class UsageMetricsDto {
  @ApiProperty({ example: 1200, description: 'Chat calls, failed and aborted included' }) requests!: number;
  @ApiProperty({ example: 3 }) failedRequests!: number;
  @ApiProperty({ example: 812000 }) promptTokens!: number;
  @ApiProperty({ example: 240000 }) completionTokens!: number;
  @ApiProperty({ example: 1052000 }) totalTokens!: number;
  @ApiProperty({ example: '4.812', description: 'Provider cost (decimal string)' }) cost!: string;
  @ApiProperty({ example: '9.5', description: 'Revenue rated by the customer plans' }) revenue!: string;
  @ApiProperty({ example: '4.688', description: 'revenue - cost' }) margin!: string;
}

export class UsagePointDto extends UsageMetricsDto {
  @ApiProperty({ example: '2026-10-31T23:00:00.000Z', description: 'Bucket start (local midnight for days)' })
  start!: string;
}

export class UsageSeriesItemDto {
  @ApiProperty({ nullable: true, type: String, example: 'gpt-4o-mini', description: 'null: none, or other' })
  key!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'gpt-4o-mini' }) label!: string | null;
  @ApiProperty({ example: false, description: 'The groups past top-N, summed' }) other!: boolean;
  @ApiProperty({ type: UsageMetricsDto }) totals!: UsageMetricsDto;
  @ApiProperty({ type: [UsagePointDto] }) points!: UsagePointDto[];
}

export class UsageSeriesDto {
  @ApiProperty({ example: '2026-10-31T23:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2026-11-30T23:00:00.000Z' }) to!: string;
  @ApiProperty({ enum: INTERVALS }) interval!: Interval;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ enum: DIMENSIONS, nullable: true }) groupBy!: Dimension | null;
  @ApiProperty({ type: UsageMetricsDto }) totals!: UsageMetricsDto;
  @ApiProperty({ type: [UsageSeriesItemDto] }) series!: UsageSeriesItemDto[];
}

export class TopUsageItemDto extends UsageMetricsDto {
  @ApiProperty({ nullable: true, type: String, example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' })
  key!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Acme' }) label!: string | null;
  @ApiProperty({ example: false }) other!: boolean;
}

export class TopUsageDto {
  @ApiProperty({ example: '2026-10-31T23:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2026-11-30T23:00:00.000Z' }) to!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ enum: DIMENSIONS }) groupBy!: Dimension;
  @ApiProperty({ enum: RANKINGS }) rankBy!: Ranking;
  @ApiProperty({ type: [TopUsageItemDto] }) items!: TopUsageItemDto[];
}
