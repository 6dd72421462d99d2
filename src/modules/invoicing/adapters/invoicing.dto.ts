import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BilledOutcome, RatedPeriod } from '../../../shared/contracts/billing-for-invoicing';
import { CreditNote } from '../domain/credit-note';
import { FailedJob } from '../domain/failed-job.repository.port';
import { Invoice, INVOICE_STATUSES, InvoiceLine, InvoiceStatus } from '../domain/invoice';
import { InvoiceRun } from '../domain/invoice-run.repository.port';
import { VerificationRule } from '../domain/verification-rule';

const AMOUNT_RE = /^\d{1,18}(\.\d{1,12})?$/;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

// ---------- requests ----------

export class ListInvoicesQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: INVOICE_STATUSES, example: 'finalized' })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ example: '6a1f0d9e-2b47-4c2a-9d1e-1f2e3d4c5b6a' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export class PreviewInvoiceDto {
  @ApiProperty({ example: '6a1f0d9e-2b47-4c2a-9d1e-1f2e3d4c5b6a' })
  @IsUUID()
  subscriptionId!: string;
}

export class StartInvoiceRunDto {
  @ApiPropertyOptional({
    example: '2026-10',
    description: 'Invoice every period that ended by the end of this month (YYYY-MM); omitted = by now',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' })
  period?: string;
}

export class CreditNoteLineInputDto {
  @ApiProperty({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })
  @IsUUID()
  invoiceLineId!: string;

  @ApiProperty({ example: '12.50', description: 'Amount to credit on this line, tax included' })
  @Matches(AMOUNT_RE, { message: 'amount must be a positive decimal string' })
  amount!: string;
}

export class IssueCreditNoteDto {
  @ApiProperty({ example: 'Agent outage on Nov 3: 2 days of seats refunded' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;

  @ApiProperty({
    enum: ['refund', 'credit'],
    example: 'credit',
    description: 'Refund the payment or credit the wallet',
  })
  @IsIn(['refund', 'credit'])
  method!: 'refund' | 'credit';

  @ApiPropertyOptional({
    type: [CreditNoteLineInputDto],
    description: 'Omit to credit the whole remaining amount',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreditNoteLineInputDto)
  lines?: CreditNoteLineInputDto[];
}

export class PutVerificationRuleDto {
  @ApiPropertyOptional({
    type: String,
    example: '50',
    nullable: true,
    description: 'Outcomes worth less are verified at once',
  })
  @IsOptional()
  @Matches(AMOUNT_RE)
  autoAcceptBelow?: string | null;

  @ApiPropertyOptional({
    example: ['ticket_id', 'resolution_url'],
    description: 'Evidence fields that must be present',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  requiredEvidence?: string[];

  @ApiPropertyOptional({ type: String, example: 'https://example.com/verify-outcome', nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  webhookUrl?: string | null;

  @ApiPropertyOptional({
    example: 'a-long-shared-secret',
    description: 'Signs the verification webhook calls',
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  webhookSecret?: string;

  @ApiPropertyOptional({
    type: 'integer',
    example: 72,
    nullable: true,
    description: 'Verified automatically after this many hours',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(24 * 90)
  disputeWindowHours?: number | null;
}

export class ListFailedJobsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ['invoicing', 'outcome-verification', 'stripe-events'], example: 'invoicing' })
  @IsOptional()
  @IsIn(['invoicing', 'outcome-verification', 'stripe-events'])
  queue?: string;

  @ApiPropertyOptional({ enum: ['dead', 'retried'], example: 'dead' })
  @IsOptional()
  @IsIn(['dead', 'retried'])
  status?: 'dead' | 'retried';
}

// ---------- responses ----------

export class InvoiceLineDto {
  @ApiProperty({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }) id!: string;
  @ApiProperty({ example: 'usage' }) kind!: string;
  @ApiProperty({ example: 'LLM tokens (gpt-4o-mini)' }) description!: string;
  @ApiProperty({ example: '1250000' }) quantity!: string;
  @ApiProperty({ example: '0.000002' }) unitAmount!: string;
  @ApiProperty({ example: '2.50' }) amount!: string;
  @ApiProperty({ example: 'chg_123', nullable: true, type: String }) chargeId!: string | null;
  @ApiProperty({ example: 'llm_prompt_tokens', nullable: true, type: String }) metricCode!: string | null;

  static of(l: InvoiceLine | (RatedPeriod['lines'][number] & { id?: string })): InvoiceLineDto {
    return {
      id: 'id' in l && l.id ? l.id : '',
      kind: l.kind,
      description: l.description,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      amount: l.amount,
      chargeId: l.chargeId ?? null,
      metricCode: l.metricCode ?? null,
    };
  }
}

export class BilledOutcomeDto {
  @ApiProperty({ example: '9b1c...' }) id!: string;
  @ApiProperty({ example: '3f2a...' }) agentId!: string;
  @ApiProperty({ example: 'ticket_resolved' }) type!: string;
  @ApiProperty({ example: '4.00' }) value!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: { ticket_id: 'T-1001' } }) evidence!: Record<string, unknown>;
  @ApiProperty({ example: '2026-11-02T10:00:00.000Z' }) verifiedAt!: string;

  static of(o: BilledOutcome): BilledOutcomeDto {
    return { ...o, verifiedAt: new Date(o.verifiedAt).toISOString() };
  }
}

export class InvoiceDto {
  @ApiProperty({ example: '0b6f3c1e-7f3a-4a8b-9a43-0f3f2f6f7a10' }) id!: string;
  @ApiProperty({ example: 'INV-2026-000123', nullable: true, type: String }) number!: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES, example: 'finalized' }) status!: string;
  @ApiProperty({ example: '6a1f...' }) customerId!: string;
  @ApiProperty({ example: '7b2e...' }) subscriptionId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '2026-10-01T00:00:00.000Z' }) periodStart!: string;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) periodEnd!: string;
  @ApiProperty({ example: '100.00' }) subtotal!: string;
  @ApiProperty({ example: '-10.00' }) discountTotal!: string;
  @ApiProperty({ example: '20', description: 'Percent' }) taxRate!: string;
  @ApiProperty({ example: '18.00' }) taxTotal!: string;
  @ApiProperty({ example: '5.00' }) creditsApplied!: string;
  @ApiProperty({ example: '103.00', description: 'Amount due after credits' }) total!: string;
  @ApiProperty({ example: '0.00', description: 'Sum of credit notes issued against it' })
  amountCredited!: string;
  @ApiProperty({ example: 'manual', enum: ['manual', 'stripe'] }) collectionMethod!: string;
  @ApiProperty({ example: 'in_1P...', nullable: true, type: String }) stripeInvoiceId!: string | null;
  @ApiProperty({ example: '2026-11-02T00:00:00.000Z', description: 'Draft until then (late usage can land)' })
  graceUntil!: string;
  @ApiProperty({ example: '2026-11-02T00:00:00.000Z', nullable: true, type: String }) finalizedAt!:
    string | null;
  @ApiProperty({ example: '2026-12-02T00:00:00.000Z', nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) paidAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) voidedAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) overdueAt!: string | null;
  @ApiProperty({ example: { name: 'Acme', email: 'billing@acme.test' } }) customer!: Record<string, unknown>;
  @ApiProperty({ type: [InvoiceLineDto] }) lines!: InvoiceLineDto[];
  @ApiProperty({ type: [BilledOutcomeDto], description: 'Value receipt: the verified outcomes billed' })
  outcomes!: BilledOutcomeDto[];
  @ApiProperty({ example: '2026-11-01T00:05:00.000Z' }) createdAt!: string;

  static of(i: Invoice): InvoiceDto {
    return {
      id: i.id,
      number: i.number,
      status: i.status,
      customerId: i.customerId,
      subscriptionId: i.subscriptionId,
      currency: i.currency,
      periodStart: i.periodStart.toISOString(),
      periodEnd: i.periodEnd.toISOString(),
      subtotal: i.subtotal,
      discountTotal: i.discountTotal,
      taxRate: i.taxRate,
      taxTotal: i.taxTotal,
      creditsApplied: i.creditsApplied,
      total: i.total,
      amountCredited: i.amountCredited,
      collectionMethod: i.collectionMethod,
      stripeInvoiceId: i.stripeInvoiceId,
      graceUntil: i.graceUntil.toISOString(),
      finalizedAt: iso(i.finalizedAt),
      dueAt: iso(i.dueAt),
      paidAt: iso(i.paidAt),
      voidedAt: iso(i.voidedAt),
      overdueAt: iso(i.overdueAt),
      customer: { ...i.customer },
      lines: i.lines.map(InvoiceLineDto.of),
      outcomes: i.outcomes.map(BilledOutcomeDto.of),
      createdAt: i.createdAt.toISOString(),
    };
  }
}

export class InvoicePageDto {
  @ApiProperty({ type: [InvoiceDto] }) items!: InvoiceDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class InvoicePreviewDto {
  @ApiProperty({ example: '7b2e...' }) subscriptionId!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) periodStart!: string;
  @ApiProperty({ example: '2026-11-22T14:00:00.000Z', description: 'Rated up to this instant' })
  asOf!: string;
  @ApiProperty({ type: [InvoiceLineDto] }) lines!: InvoiceLineDto[];
  @ApiProperty({ example: '100.00' }) subtotal!: string;
  @ApiProperty({ example: '0.00' }) discountTotal!: string;
  @ApiProperty({ example: '20', description: 'Percent' }) taxRate!: string;
  @ApiProperty({ example: '20.00' }) taxTotal!: string;
  @ApiProperty({ example: '5.00' }) creditsApplied!: string;
  @ApiProperty({ example: '115.00' }) total!: string;
  @ApiProperty({ type: [BilledOutcomeDto] }) outcomes!: BilledOutcomeDto[];
}

export class InvoiceRunDto {
  @ApiProperty({ example: '2f0d...' }) id!: string;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) asOf!: string;
  @ApiProperty({ enum: ['expanding', 'running', 'completed', 'completed_with_failures'], example: 'running' })
  status!: string;
  @ApiProperty({ example: 120 }) jobsTotal!: number;
  @ApiProperty({ example: 100 }) jobsDone!: number;
  @ApiProperty({ example: 1 }) jobsFailed!: number;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) createdAt!: string;

  static of(r: InvoiceRun): InvoiceRunDto {
    const finished = r.expandedAt !== null && r.jobsDone + r.jobsFailed >= r.jobsTotal;
    return {
      id: r.id,
      asOf: r.asOf.toISOString(),
      status: !r.expandedAt
        ? 'expanding'
        : !finished
          ? 'running'
          : r.jobsFailed
            ? 'completed_with_failures'
            : 'completed',
      jobsTotal: r.jobsTotal,
      jobsDone: r.jobsDone,
      jobsFailed: r.jobsFailed,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class CreditNoteLineDto {
  @ApiProperty({ example: '1c2d...', nullable: true, type: String }) invoiceLineId!: string | null;
  @ApiProperty({ example: 'Seats' }) description!: string;
  @ApiProperty({ example: '12.50' }) amount!: string;
}

export class CreditNoteDto {
  @ApiProperty({ example: '5e6f...' }) id!: string;
  @ApiProperty({ example: 'CN-2026-000007' }) number!: string;
  @ApiProperty({ example: '0b6f...' }) invoiceId!: string;
  @ApiProperty({ example: 'Agent outage' }) reason!: string;
  @ApiProperty({ enum: ['refund', 'credit'], example: 'credit' }) method!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '12.50' }) total!: string;
  @ApiProperty({ enum: ['none', 'pending', 'succeeded', 'manual', 'failed'], example: 'none' })
  refundStatus!: string;
  @ApiProperty({ example: 're_3PqL...', nullable: true, type: String }) refundId!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) refundError!: string | null;
  @ApiProperty({ type: [CreditNoteLineDto] }) lines!: CreditNoteLineDto[];
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;

  static of(n: CreditNote): CreditNoteDto {
    return {
      id: n.id,
      number: n.number,
      invoiceId: n.invoiceId,
      reason: n.reason,
      method: n.method,
      currency: n.currency,
      total: n.total,
      refundStatus: n.refundStatus,
      refundId: n.refundId,
      refundError: n.refundError,
      lines: n.lines.map((l) => ({
        invoiceLineId: l.invoiceLineId,
        description: l.description,
        amount: l.amount,
      })),
      createdAt: n.createdAt.toISOString(),
    };
  }
}

export class CreditNoteListDto {
  @ApiProperty({ type: [CreditNoteDto] }) items!: CreditNoteDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class VerificationRuleDto {
  @ApiProperty({ example: 'ticket_resolved' }) outcomeType!: string;
  @ApiProperty({ example: '50', nullable: true, type: String }) autoAcceptBelow!: string | null;
  @ApiProperty({ example: ['ticket_id'] }) requiredEvidence!: string[];
  @ApiProperty({ example: 'https://example.com/verify', nullable: true, type: String }) webhookUrl!:
    string | null;
  @ApiProperty({ example: 72, nullable: true, type: Number }) disputeWindowHours!: number | null;

  static of(r: VerificationRule): VerificationRuleDto {
    return {
      outcomeType: r.outcomeType,
      autoAcceptBelow: r.autoAcceptBelow,
      requiredEvidence: r.requiredEvidence,
      webhookUrl: r.webhookUrl,
      disputeWindowHours: r.disputeWindowHours,
    };
  }
}

export class VerificationRuleListDto {
  @ApiProperty({ type: [VerificationRuleDto] }) items!: VerificationRuleDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class FailedJobDto {
  @ApiProperty({ example: '8d7c...' }) id!: string;
  @ApiProperty({ example: 'invoicing' }) queue!: string;
  @ApiProperty({ example: 'generate-invoice' }) jobName!: string;
  @ApiProperty({ example: 'inv_7b2e..._1764547200000' }) jobId!: string;
  @ApiProperty({ example: { subscriptionId: '7b2e...' } }) data!: Record<string, unknown>;
  @ApiProperty({ example: 'rating failed: plan not found' }) error!: string;
  @ApiProperty({ example: 5 }) attempts!: number;
  @ApiProperty({ enum: ['dead', 'retried'], example: 'dead' }) status!: string;
  @ApiProperty({ example: '2026-11-22T10:00:00.000Z' }) createdAt!: string;

  static of(j: FailedJob): FailedJobDto {
    return {
      id: j.id,
      queue: j.queue,
      jobName: j.jobName,
      jobId: j.jobId,
      data: j.data,
      error: j.error,
      attempts: j.attempts,
      status: j.status,
      createdAt: j.createdAt.toISOString(),
    };
  }
}

export class FailedJobListDto {
  @ApiProperty({ type: [FailedJobDto] }) items!: FailedJobDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}
