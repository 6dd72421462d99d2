import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PRICE_MODELS } from '../domain/plan';
import { AGGREGATIONS } from '../domain/usage-event';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

const NON_NEG = /^\d{1,20}(\.\d{1,12})?$/;
const CODE = /^[a-z0-9][a-z0-9_.:-]{0,99}$/i;
const decimalMsg = { message: '$property must be a non-negative decimal string with up to 12 decimals' };

// ---------- customers ----------

export class CreateCustomerDto {
  @ApiProperty({ example: 'Acme Corp' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ example: 'billing@acme.test' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: 'acme-42' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId?: string;
  @ApiProperty({ example: 'USD' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiPropertyOptional({ example: 'Europe/Paris' }) @IsOptional() @IsString() timezone?: string;
  @ApiPropertyOptional({ example: '20', description: 'Tax rate in percent' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  taxRate?: string;
  @ApiPropertyOptional({ example: { line1: '1 Main St', city: 'Paris', country: 'FR' } })
  @IsOptional()
  @IsObject()
  billingAddress?: Record<string, string>;
  @ApiPropertyOptional({ example: '500.00', description: 'Hard cap on spend per billing period' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  spendCap?: string;
  @ApiPropertyOptional({ example: false, description: 'Refuse usage once credits are used up' })
  @IsOptional()
  @IsBoolean()
  prepaidOnly?: boolean;
  @ApiPropertyOptional({ example: 'ACME-7QK2', description: "Another customer's referral code" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  referralCode?: string;
}

export class UpdateCustomerDto {
  @ApiPropertyOptional({ example: 'Acme Corp' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ example: 'billing@acme.test' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ example: 'acme-42' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId?: string;
  @ApiPropertyOptional({ example: 'USD' }) @IsOptional() @IsISO4217CurrencyCode() currency?: string;
  @ApiPropertyOptional({ example: 'Europe/Paris' }) @IsOptional() @IsString() timezone?: string;
  @ApiPropertyOptional({ example: '20' }) @IsOptional() @Matches(NON_NEG, decimalMsg) taxRate?: string;
  @ApiPropertyOptional({ example: { city: 'Paris' } }) @IsOptional() @IsObject() billingAddress?: Record<
    string,
    string
  >;
  @ApiPropertyOptional({ type: String, example: '500.00', nullable: true })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  spendCap?: string | null;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() prepaidOnly?: boolean;
}

export class CustomerDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: 'acme-42', nullable: true, type: String }) externalId!: string | null;
  @ApiProperty({ example: 'Acme Corp' }) name!: string;
  @ApiProperty({ example: 'billing@acme.test', nullable: true, type: String }) email!: string | null;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ example: '20' }) taxRate!: string;
  @ApiProperty({ example: 'cus_123', nullable: true, type: String }) stripeCustomerId!: string | null;
  @ApiProperty({
    example: { city: 'Paris' },
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  billingAddress!: Record<string, string> | null;
  @ApiProperty({ example: '500', nullable: true, type: String }) spendCap!: string | null;
  @ApiProperty({ example: false }) prepaidOnly!: boolean;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: Date;
}

export class CustomerListDto {
  @ApiProperty({ type: [CustomerDto] }) items!: CustomerDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

// ---------- metrics and usage ----------

export class CreateMetricDto {
  @ApiProperty({ example: 'api_calls' })
  @Matches(CODE, { message: 'code must be 1-100 of letters, digits, _ . : -' })
  code!: string;
  @ApiProperty({ example: 'API calls' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ enum: AGGREGATIONS, example: 'sum' })
  @IsIn(AGGREGATIONS as string[])
  aggregation!: (typeof AGGREGATIONS)[number];
  @ApiPropertyOptional({ example: 'tokens', description: 'Event property aggregated (not for count)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  field?: string;
  @ApiPropertyOptional({
    example: { model: 'gpt-4o' },
    description: 'Only events whose properties equal these count',
  })
  @IsOptional()
  @IsObject()
  filters?: Record<string, string | number | boolean>;
  @ApiPropertyOptional({
    example: false,
    description:
      'Events may carry negative values that correct earlier usage (sum metrics); otherwise a negative ' +
      'value is rejected with reason negative_value',
  })
  @IsOptional()
  @IsBoolean()
  allowsCorrections?: boolean;
}

export class MetricDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: 'api_calls' }) code!: string;
  @ApiProperty({ example: 'API calls' }) name!: string;
  @ApiProperty({ example: 'sum' }) aggregation!: string;
  @ApiProperty({ example: 'tokens', nullable: true, type: String }) field!: string | null;
  @ApiProperty({ example: {} }) filters!: Record<string, unknown>;
  @ApiProperty({ example: false }) allowsCorrections!: boolean;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: Date;
}

export class MetricListDto {
  @ApiProperty({ type: [MetricDto] }) items!: MetricDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

/** One usage event as documented; events are validated one by one in the use case, not by class-validator. */
export class UsageEventDto {
  @ApiProperty({ example: 'evt_0001', description: 'Your idempotency key: 1-200 printable characters' })
  eventId!: string;
  @ApiProperty({ example: 'api_calls', description: 'Code of a billable metric' }) metric!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Exactly one of customerId or externalCustomerId' })
  customerId?: string;
  @ApiPropertyOptional({ example: 'acme-42' }) externalCustomerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) agentId?: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00Z' }) timestamp!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
    },
    example: { tokens: 812 },
  })
  properties?: Record<string, string | number | boolean | null>;
}

export class IngestEventsDto {
  @ApiProperty({
    type: [UsageEventDto],
    description: 'Up to 1,000 events; each is validated alone (a bad event never rejects the batch)',
    example: [
      {
        eventId: 'evt_0001',
        externalCustomerId: 'acme-42',
        metric: 'api_calls',
        timestamp: '2026-11-22T10:00:00Z',
        properties: { tokens: 812 },
      },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  events!: unknown[];
}

export class RejectionDto {
  @ApiProperty({ example: 3 }) index!: number;
  @ApiProperty({ example: 'evt_0004', nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ example: 'unknown_customer' }) reason!: string;
  @ApiProperty({ example: 'no such customer' }) message!: string;
}

export class IngestResultDto {
  @ApiProperty({ example: 998 }) accepted!: number;
  @ApiProperty({ example: 1 }) duplicates!: number;
  @ApiProperty({ example: 1 }) rejected!: number;
  @ApiProperty({
    example: 0,
    description: 'Accepted events older than the open period (billed in the open period)',
  })
  late!: number;
  @ApiProperty({ type: [RejectionDto] }) rejections!: RejectionDto[];
}

export class UsageSummaryQueryDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10', description: 'Customer id or external id' })
  @IsString()
  @MinLength(1)
  customer!: string;
  @ApiProperty({ example: '2026-11-01T00:00:00Z' }) @IsDateString() from!: string;
  @ApiProperty({ example: '2026-12-01T00:00:00Z' }) @IsDateString() to!: string;
  @ApiPropertyOptional({ enum: ['metric', 'agent', 'day'], example: 'metric' })
  @IsOptional()
  @IsIn(['metric', 'agent', 'day'])
  groupBy?: 'metric' | 'agent' | 'day';
}

export class SummaryRowDto {
  @ApiProperty({ example: 'api_calls' }) metricCode!: string;
  @ApiProperty({ example: 'sum' }) aggregation!: string;
  @ApiPropertyOptional({ example: null, nullable: true, type: String }) agentId?: string | null;
  @ApiPropertyOptional({ example: '2026-11-22' }) day?: string;
  @ApiProperty({ example: '812' }) value!: string;
  @ApiProperty({ example: 1 }) events!: number;
}

export class UsageSummaryDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) customerId!: string;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2026-12-01T00:00:00.000Z' }) to!: string;
  @ApiProperty({ example: 'metric' }) groupBy!: string;
  @ApiProperty({ type: [SummaryRowDto] }) data!: SummaryRowDto[];
}

// ---------- agent activities, costs, outcomes ----------

class CustomerRefDto {
  @ApiPropertyOptional({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
  @ApiPropertyOptional({ example: 'acme-42' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  externalCustomerId?: string;
}

export class RecordActivityDto extends CustomerRefDto {
  @ApiProperty({ example: 'ticket_resolved', description: 'Activity type = billable metric code' })
  @Matches(CODE, { message: 'type must be 1-100 of letters, digits, _ . : -' })
  type!: string;
  @ApiProperty({ example: '1' }) @Matches(NON_NEG, decimalMsg) quantity!: string;
  @ApiPropertyOptional({ example: '2026-11-22T10:00:00Z' }) @IsOptional() @IsDateString() timestamp?: string;
  @ApiPropertyOptional({ example: 'act_0001', description: 'Idempotency key (a repeat is a duplicate)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  eventId?: string;
}

export class ActivityResultDto {
  @ApiProperty({ example: 'act_0001' }) eventId!: string;
  @ApiProperty({ example: false }) duplicate!: boolean;
  @ApiProperty({ example: false }) late!: boolean;
}

export class RecordCostDto extends CustomerRefDto {
  @ApiProperty({ example: 'llm' }) @IsString() @MinLength(1) @MaxLength(100) costType!: string;
  @ApiProperty({ example: '0.0421' }) @Matches(NON_NEG, decimalMsg) amount!: string;
  @ApiProperty({ example: 'USD' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiPropertyOptional({ example: '2026-11-22T10:00:00Z' }) @IsOptional() @IsDateString() occurredAt?: string;
  @ApiPropertyOptional({ example: 'cost_0001', description: 'Idempotency key' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;
  @ApiPropertyOptional({ example: { model: 'gpt-4o-mini' } }) @IsOptional() @IsObject() metadata?: Record<
    string,
    unknown
  >;
}

export class CostDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) agentId!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) customerId!: string | null;
  @ApiProperty({ example: 'llm' }) costType!: string;
  @ApiProperty({ example: '0.0421' }) amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) occurredAt!: Date;
}

export class RecordOutcomeDto extends CustomerRefDto {
  @ApiProperty({ example: 'ticket_deflected' }) @IsString() @MinLength(1) @MaxLength(100) type!: string;
  @ApiProperty({ example: '120.00' }) @Matches(NON_NEG, decimalMsg) value!: string;
  @ApiProperty({ example: 'USD' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiPropertyOptional({ example: { ticketId: 'T-1', csat: 5 } }) @IsOptional() @IsObject() evidence?: Record<
    string,
    unknown
  >;
  @ApiPropertyOptional({ example: '2026-11-22T10:00:00Z' }) @IsOptional() @IsDateString() occurredAt?: string;
  @ApiPropertyOptional({ example: 'out_0001', description: 'Idempotency key' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;
}

export class OutcomeDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) agentId!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) customerId!: string | null;
  @ApiProperty({ example: 'ticket_deflected' }) type!: string;
  @ApiProperty({ example: '120' }) value!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: { ticketId: 'T-1' } }) evidence!: Record<string, unknown>;
  @ApiProperty({ example: 'pending', enum: ['pending', 'verified', 'rejected'] }) status!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) occurredAt!: Date;
}

class AmountByCurrencyDto {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '12.5' }) amount!: string;
}

class OutcomeStatsDto {
  @ApiProperty({ example: 'verified' }) status!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 3 }) count!: number;
  @ApiProperty({ example: '360' }) value!: string;
}

class ActivityStatsDto {
  @ApiProperty({ example: 42 }) events!: number;
  @ApiProperty({ example: '42' }) quantity!: string;
}

export class AgentStatsDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) agentId!: string;
  @ApiProperty({ type: ActivityStatsDto }) activities!: ActivityStatsDto;
  @ApiProperty({ type: [AmountByCurrencyDto] }) costs!: AmountByCurrencyDto[];
  @ApiProperty({ type: [OutcomeStatsDto] }) outcomes!: OutcomeStatsDto[];
  @ApiProperty({ type: [AmountByCurrencyDto], description: 'Outcome fees invoiced for this agent' })
  revenue!: AmountByCurrencyDto[];
  @ApiProperty({ type: [AmountByCurrencyDto], description: 'revenue - costs' })
  margin!: AmountByCurrencyDto[];
}

// ---------- plans ----------

export class TierDto {
  @ApiPropertyOptional({
    example: '1000',
    nullable: true,
    type: String,
    description: 'Inclusive upper bound; null or absent on the last tier',
  })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  upTo?: string | null;
  @ApiProperty({ example: '0.002' }) @Matches(NON_NEG, decimalMsg) unitAmount!: string;
  @ApiPropertyOptional({ example: '0' }) @IsOptional() @Matches(NON_NEG, decimalMsg) flatAmount?: string;
}

export class PriceDto {
  @ApiProperty({ enum: PRICE_MODELS, example: 'graduated' })
  @IsIn(PRICE_MODELS as unknown as string[])
  model!: (typeof PRICE_MODELS)[number];
  @ApiPropertyOptional({ example: '0.000002' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  unitAmount?: string;
  @ApiPropertyOptional({ type: [TierDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TierDto)
  tiers?: TierDto[];
  @ApiPropertyOptional({ example: '1000' }) @IsOptional() @Matches(NON_NEG, decimalMsg) packageSize?: string;
  @ApiPropertyOptional({ example: '5' }) @IsOptional() @Matches(NON_NEG, decimalMsg) packageAmount?: string;
  @ApiPropertyOptional({ example: '2.5', description: 'percentage: percent of the summed amount' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  rate?: string;
  @ApiPropertyOptional({ example: '0.30' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  fixedPerEvent?: string;
  @ApiPropertyOptional({ example: '1', description: 'percentage: least fee of the period (total)' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  min?: string;
  @ApiPropertyOptional({ example: '100', description: 'percentage: greatest fee of the period (total)' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  max?: string;
  @ApiPropertyOptional({
    example: '0.50',
    description: 'percentage: least percentage fee of each event (per transaction), before the fixed fee',
  })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  perTransactionMin?: string;
  @ApiPropertyOptional({
    example: '20',
    description: 'percentage: greatest percentage fee of each event (per transaction), before the fixed fee',
  })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  perTransactionMax?: string;
  @ApiPropertyOptional({ example: '1.3', description: 'cost_plus: recorded cost × multiplier' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  multiplier?: string;
  @ApiPropertyOptional({ example: 'llm' }) @IsOptional() @IsString() costType?: string;
}

export class ChargeDto {
  @ApiPropertyOptional({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' })
  @IsOptional()
  @IsUUID()
  id?: string;
  @ApiProperty({ enum: ['base', 'seat', 'usage', 'outcome'], example: 'usage' })
  @IsIn(['base', 'seat', 'usage', 'outcome'])
  kind!: 'base' | 'seat' | 'usage' | 'outcome';
  @ApiPropertyOptional({ example: 'Prompt tokens' }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: '49.00', description: 'base: fee per period' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  amount?: string;
  @ApiPropertyOptional({ example: '10.00', description: 'seat: price per seat' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  unitAmount?: string;
  @ApiPropertyOptional({ enum: ['advance', 'arrears'], example: 'advance' })
  @IsOptional()
  @IsIn(['advance', 'arrears'])
  timing?: 'advance' | 'arrears';
  @ApiPropertyOptional({ example: '2' }) @IsOptional() @Matches(NON_NEG, decimalMsg) freeSeats?: string;
  @ApiPropertyOptional({ example: 'llm_prompt_tokens' }) @IsOptional() @IsString() metricCode?: string;
  @ApiPropertyOptional({ example: '100000' }) @IsOptional() @Matches(NON_NEG, decimalMsg) freeUnits?: string;
  @ApiPropertyOptional({ type: PriceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceDto)
  price?: PriceDto;
  @ApiPropertyOptional({ example: 'ticket_deflected' }) @IsOptional() @IsString() outcomeType?: string;
  @ApiPropertyOptional({ example: '5', description: 'outcome: percent of the verified value' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  percentage?: string;
  @ApiPropertyOptional({ example: '1' }) @IsOptional() @Matches(NON_NEG, decimalMsg) minPerOutcome?: string;
  @ApiPropertyOptional({ example: '50' }) @IsOptional() @Matches(NON_NEG, decimalMsg) maxPerOutcome?: string;
}

export class UpdatePlanDto {
  @ApiProperty({ example: 'Pro' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'USD' }) @IsISO4217CurrencyCode() currency!: string;
  @ApiProperty({ enum: ['month', 'quarter', 'year'], example: 'month' })
  @IsIn(['month', 'quarter', 'year'])
  interval!: 'month' | 'quarter' | 'year';
  @ApiPropertyOptional({ example: 14 }) @IsOptional() @IsInt() @Min(0) @Max(365) trialDays?: number;
  @ApiPropertyOptional({ example: '100.00' })
  @IsOptional()
  @Matches(NON_NEG, decimalMsg)
  minimumCommitment?: string;
  @ApiProperty({ type: [ChargeDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ChargeDto)
  charges!: ChargeDto[];
}

export class CreatePlanDto extends UpdatePlanDto {
  @ApiProperty({ example: 'pro' })
  @Matches(CODE, { message: 'code must be 1-100 of letters, digits, _ . : -' })
  code!: string;
}

export class PlanVersionDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: 'Pro' }) name!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: 'month' }) interval!: string;
  @ApiProperty({ example: 0 }) trialDays!: number;
  @ApiProperty({ example: '100', nullable: true, type: String }) minimumCommitment!: string | null;
  @ApiProperty({ type: [ChargeDto] }) charges!: ChargeDto[];
}

export class PlanDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: 'pro' }) code!: string;
  @ApiProperty({ example: 'Pro' }) name!: string;
  @ApiProperty({ example: 1 }) currentVersion!: number;
  @ApiProperty({ type: PlanVersionDto }) version!: PlanVersionDto;
  @ApiPropertyOptional({ example: false, description: 'True when the edit created a new version' })
  newVersion?: boolean;
}

export class PlanListDto {
  @ApiProperty({ type: [PlanDto] }) items!: PlanDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

// ---------- subscriptions ----------

export class CreateSubscriptionDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) @IsUUID() customerId!: string;
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) @IsUUID() planId!: string;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) seats?: number;
  @ApiPropertyOptional({
    example: '2026-11-22',
    description:
      'Start date: YYYY-MM-DD is that calendar date in the customer’s timezone (periods start at its local ' +
      'midnight); a date-time starts on its local date there. Within a year of today; default today.',
  })
  @IsOptional()
  @IsDateString()
  startDate?: string;
  @ApiPropertyOptional({ example: 14, description: 'Overrides the plan trial' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  trialDays?: number;
}

export class ChangeSeatsDto {
  @ApiProperty({ example: 8 }) @IsInt() @Min(0) @Max(1_000_000) seats!: number;
}

export class ChangePlanDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) @IsUUID() planId!: string;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) seats?: number;
}

export class CancelSubscriptionDto {
  @ApiProperty({ enum: ['period_end', 'now'], example: 'period_end' }) @IsIn(['period_end', 'now']) when!:
    'period_end' | 'now';
}

export class SubscriptionQueryDto extends CursorPageQuery {
  @ApiPropertyOptional({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export class SubscriptionDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) customerId!: string;
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) planId!: string;
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) planVersionId!: string;
  @ApiProperty({ example: 'active', enum: ['trialing', 'active', 'past_due', 'canceled'] }) status!: string;
  @ApiProperty({ example: 5 }) seats!: number;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ example: '2026-11-21T23:00:00.000Z' }) startedAt!: Date;
  @ApiProperty({ example: null, nullable: true, type: Date }) trialEnd!: Date | null;
  @ApiProperty({ example: '2026-11-21T23:00:00.000Z' }) currentPeriodStart!: Date;
  @ApiProperty({ example: '2026-12-21T23:00:00.000Z' }) currentPeriodEnd!: Date;
  @ApiProperty({ example: false }) cancelAtPeriodEnd!: boolean;
  @ApiProperty({ example: null, nullable: true, type: Date }) canceledAt!: Date | null;
}

export class SubscriptionListDto {
  @ApiProperty({ type: [SubscriptionDto] }) items!: SubscriptionDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class RatedLineDto {
  @ApiProperty({ example: 'usage' }) kind!: string;
  @ApiProperty({ example: 'Prompt tokens' }) description!: string;
  @ApiProperty({ example: '120000' }) quantity!: string;
  @ApiProperty({ example: '0.000002' }) unitAmount!: string;
  @ApiProperty({ example: '0.24' }) amount!: string;
}

export class UpcomingInvoiceDto {
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '2026-11-21T23:00:00.000Z' }) periodStart!: Date;
  @ApiProperty({ example: '2026-12-21T23:00:00.000Z' }) periodEnd!: Date;
  @ApiProperty({ type: [RatedLineDto] }) lines!: RatedLineDto[];
  @ApiProperty({ example: '59.24' }) subtotal!: string;
  @ApiProperty({ example: '0.00' }) discountTotal!: string;
  @ApiProperty({ example: '11.85' }) taxTotal!: string;
  @ApiProperty({ example: '71.09' }) totalBeforeCredits!: string;
  @ApiProperty({ example: '0.00' }) creditsAvailable!: string;
}

// ---------- credits, coupons, payments, caps ----------

export class GrantCreditsDto {
  @ApiProperty({ example: '100.00' }) @Matches(NON_NEG, decimalMsg) amount!: string;
  @ApiProperty({ example: false, description: 'true = paid top-up, false = free grant' })
  @IsBoolean()
  paid!: boolean;
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' }) @IsOptional() @IsDateString() expiresAt?: string;
  @ApiPropertyOptional({ example: 'promo-2026', description: 'Idempotency key of the grant' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
  @ApiPropertyOptional({ example: 'Welcome credits' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class LedgerEntryDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: 'free_grant', enum: ['paid_grant', 'free_grant', 'debit'] }) kind!: string;
  @ApiProperty({ example: '100' }) amount!: string;
  @ApiProperty({ example: null, nullable: true, type: Date }) expiresAt!: Date | null;
  @ApiProperty({ example: 'promo-2026', nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ example: 'Welcome credits' }) description!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: Date;
}

export class CreditBalanceDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) customerId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '100' }) balance!: string;
  @ApiProperty({ type: [LedgerEntryDto] }) ledger!: LedgerEntryDto[];
}

export class GrantResultDto {
  @ApiProperty({ example: true, description: 'false when the reference was granted before' })
  created!: boolean;
  @ApiProperty({ example: '100' }) balance!: string;
}

export class CreateCouponDto {
  @ApiProperty({ example: 'WELCOME20' })
  @Matches(CODE, { message: 'code must be 1-100 of letters, digits, _ . : -' })
  code!: string;
  @ApiProperty({ example: 'Welcome 20%' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ enum: ['percentage', 'fixed'], example: 'percentage' })
  @IsIn(['percentage', 'fixed'])
  kind!: 'percentage' | 'fixed';
  @ApiPropertyOptional({ example: '20' }) @IsOptional() @Matches(NON_NEG, decimalMsg) percentOff?: string;
  @ApiPropertyOptional({ example: '10.00' }) @IsOptional() @Matches(NON_NEG, decimalMsg) amountOff?: string;
  @ApiPropertyOptional({ example: 'USD' }) @IsOptional() @IsISO4217CurrencyCode() currency?: string;
  @ApiProperty({ enum: ['once', 'repeating', 'forever'], example: 'repeating' })
  @IsIn(['once', 'repeating', 'forever'])
  duration!: 'once' | 'repeating' | 'forever';
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @IsInt() @Min(1) @Max(120) durationPeriods?: number;
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' }) @IsOptional() @IsDateString() expiresAt?: string;
  @ApiPropertyOptional({ example: 100 }) @IsOptional() @IsInt() @Min(1) maxRedemptions?: number;
}

export class CouponDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: 'WELCOME20' }) code!: string;
  @ApiProperty({ example: 'Welcome 20%' }) name!: string;
  @ApiProperty({ example: 'percentage' }) kind!: string;
  @ApiProperty({ example: '20', nullable: true, type: String }) percentOff!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) amountOff!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) currency!: string | null;
  @ApiProperty({ example: 'repeating' }) duration!: string;
  @ApiProperty({ example: 3, nullable: true, type: Number }) durationPeriods!: number | null;
  @ApiProperty({ example: null, nullable: true, type: Date }) expiresAt!: Date | null;
  @ApiProperty({ example: 100, nullable: true, type: Number }) maxRedemptions!: number | null;
  @ApiProperty({ example: 0 }) redemptions!: number;
}

export class CouponListDto {
  @ApiProperty({ type: [CouponDto] }) items!: CouponDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class RedeemCouponDto {
  @ApiProperty({ example: 'WELCOME20' }) @IsString() @MinLength(1) code!: string;
}

export class RedemptionDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) id!: string;
  @ApiProperty({ example: 'WELCOME20' }) code!: string;
  @ApiProperty({ example: 3, nullable: true, type: Number }) periodsRemaining!: number | null;
  @ApiProperty({ example: 'active' }) status!: string;
}

export class CheckoutDto {
  @ApiProperty({ enum: ['credit_top_up', 'payment_method'], example: 'credit_top_up' })
  @IsIn(['credit_top_up', 'payment_method'])
  purpose!: 'credit_top_up' | 'payment_method';
  @ApiPropertyOptional({ example: '50.00' }) @IsOptional() @Matches(NON_NEG, decimalMsg) amount?: string;
  @ApiPropertyOptional({
    example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10',
    description: 'payment_method: the subscription it is for (activated when the session completes)',
  })
  @IsOptional()
  @IsUUID()
  subscriptionId?: string;
}

export class CheckoutSessionDto {
  @ApiProperty({ example: 'cs_test_123' }) id!: string;
  @ApiProperty({ example: 'https://checkout.stripe.com/c/pay/cs_test_123' }) url!: string;
}

export class SpendCapDto {
  @ApiProperty({ example: '250.00' }) @Matches(NON_NEG, decimalMsg) amount!: string;
  @ApiProperty({ example: 'USD' }) @IsISO4217CurrencyCode() currency!: string;
}

export class SpendCapViewDto {
  @ApiProperty({ example: '7d1f3c1e-1d1a-4a53-9d55-0c8f1f3b2a10' }) apiKeyId!: string;
  @ApiProperty({ example: '250' }) amount!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
}
