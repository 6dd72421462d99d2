import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AppConfig } from '../../../config/app-config';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { uuidOr404 } from '../../../shared/http/uuid-or-404.pipe';
import { TenantId } from '../../../shared/domain/tenant-id';
import { InvoiceRepository } from '../domain/invoice.repository.port';
import { InvoiceRenderer } from '../domain/invoice-renderer.port';
import { InvoiceRunRepository } from '../domain/invoice-run.repository.port';
import { FailedJobRepository } from '../domain/failed-job.repository.port';
import { VerificationRuleRepository } from '../domain/verification-rule';
import { DeleteVerificationRule } from '../application/delete-verification-rule.use-case';
import { SetVerificationRule } from '../application/set-verification-rule.use-case';
import { FinalizeInvoice } from '../application/finalize-invoice.use-case';
import { VoidInvoice } from '../application/void-invoice.use-case';
import { PreviewInvoice } from '../application/preview-invoice.use-case';
import { IssueCreditNote } from '../application/issue-credit-note.use-case';
import { RefundCreditNote } from '../application/refund-credit-note.use-case';
import { StartInvoiceRun } from '../application/start-invoice-run.use-case';
import { RetryFailedJob } from '../application/retry-failed-job.use-case';
import {
  BilledOutcomeDto,
  CreditNoteDto,
  CreditNoteListDto,
  FailedJobDto,
  FailedJobListDto,
  InvoiceDto,
  InvoiceLineDto,
  InvoicePageDto,
  InvoicePreviewDto,
  InvoiceRunDto,
  IssueCreditNoteDto,
  ListFailedJobsQuery,
  ListInvoicesQuery,
  PreviewInvoiceDto,
  PutVerificationRuleDto,
  StartInvoiceRunDto,
  VerificationRuleDto,
  VerificationRuleListDto,
} from './invoicing.dto';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { createdKey, paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

const PDF_RESPONSE = {
  description: 'PDF document',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

const pdfFile = (pdf: Buffer, name: string) =>
  new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${name}.pdf"` });

@ApiTags('invoices')
@Controller('api/v1/invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly runs: InvoiceRunRepository,
    private readonly renderer: InvoiceRenderer,
    private readonly finalizeInvoice: FinalizeInvoice,
    private readonly voidInvoice: VoidInvoice,
    private readonly previewInvoice: PreviewInvoice,
    private readonly issueCreditNote: IssueCreditNote,
    private readonly startInvoiceRun: StartInvoiceRun,
    private readonly config: AppConfig,
  ) {}

  private async invoiceOf(tenantId: TenantId, id: string) {
    const invoice = await this.invoices.find(tenantId, uuidOr404('Invoice', id));
    if (!invoice) throw new NotFoundError('Invoice', id);
    return invoice;
  }

  @Get()
  @Scopes('invoices:read')
  @ApiOperation({ operationId: 'listInvoices', summary: 'List invoices, newest first' })
  @ApiOkResponse({ type: InvoicePageDto })
  async list(@CurrentTenant() tenantId: TenantId, @Query() q: ListInvoicesQuery): Promise<InvoicePageDto> {
    const page = await this.invoices.list(tenantId, { ...q, limit: q.limit ?? 20 });
    return { items: page.items.map(InvoiceDto.of), nextCursor: page.nextCursor };
  }

  @Post('preview')
  @HttpCode(200)
  @Scopes('invoices:read')
  @ApiOperation({
    operationId: 'previewInvoice',
    summary: 'What the current period of a subscription would cost now (nothing is stored)',
  })
  @ApiOkResponse({ type: InvoicePreviewDto })
  async preview(
    @CurrentTenant() tenantId: TenantId,
    @Body() body: PreviewInvoiceDto,
  ): Promise<InvoicePreviewDto> {
    const { rated, creditsApplied, total, asOf } = await this.previewInvoice.execute(
      tenantId,
      body.subscriptionId,
    );
    return {
      subscriptionId: rated.subscriptionId,
      currency: rated.currency,
      periodStart: rated.periodStart.toISOString(),
      asOf: asOf.toISOString(),
      lines: rated.lines.map((l) => InvoiceLineDto.of(l)),
      subtotal: rated.subtotal,
      discountTotal: rated.discountTotal,
      taxRate: rated.taxRate,
      taxTotal: rated.taxTotal,
      creditsApplied,
      total,
      outcomes: rated.outcomes.map(BilledOutcomeDto.of),
    };
  }

  @Post('runs')
  @HttpCode(202)
  @Scopes('invoices:write')
  @ApiOperation({
    operationId: 'startInvoiceRun',
    summary: 'Start an invoice run for every period ended by the given month; answers with the run id',
  })
  @ApiAcceptedResponse({ type: InvoiceRunDto })
  async startRun(
    @CurrentTenant() tenantId: TenantId,
    @Body() body: StartInvoiceRunDto,
  ): Promise<InvoiceRunDto> {
    return InvoiceRunDto.of(await this.startInvoiceRun.execute(tenantId, body.period));
  }

  @Get('runs/:runId')
  @Scopes('invoices:read')
  @ApiOperation({ operationId: 'getInvoiceRun', summary: 'Progress of an invoice run (jobs done / failed)' })
  @ApiOkResponse({ type: InvoiceRunDto })
  async getRun(@CurrentTenant() tenantId: TenantId, @Param('runId') runId: string): Promise<InvoiceRunDto> {
    const run = await this.runs.find(tenantId, uuidOr404('Invoice run', runId));
    if (!run) throw new NotFoundError('Invoice run', runId);
    return InvoiceRunDto.of(run);
  }

  @Get(':id')
  @Scopes('invoices:read')
  @ApiOperation({ operationId: 'getInvoice', summary: 'Get an invoice with its lines and value receipt' })
  @ApiOkResponse({ type: InvoiceDto })
  async get(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<InvoiceDto> {
    return InvoiceDto.of(await this.invoiceOf(tenantId, id));
  }

  @Post(':id/finalize')
  @HttpCode(200)
  @Scopes('invoices:write')
  @ApiOperation({
    operationId: 'finalizeInvoice',
    summary: 'Finalize a draft now: number it, set the due date, push it for collection',
  })
  @ApiProblems(409)
  @ApiOkResponse({ type: InvoiceDto })
  async finalize(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<InvoiceDto> {
    return InvoiceDto.of(await this.finalizeInvoice.execute(tenantId, uuidOr404('Invoice', id)));
  }

  @Post(':id/void')
  @HttpCode(200)
  @Scopes('invoices:write')
  @ApiOperation({ operationId: 'voidInvoice', summary: 'Void a draft or unpaid invoice' })
  @ApiProblems(409, 502)
  @ApiOkResponse({ type: InvoiceDto })
  async void(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<InvoiceDto> {
    return InvoiceDto.of(await this.voidInvoice.execute(tenantId, uuidOr404('Invoice', id)));
  }

  @Get(':id/pdf')
  @Scopes('invoices:read')
  @ApiProduces('application/pdf')
  @ApiOperation({ operationId: 'getInvoicePdf', summary: 'The invoice as a PDF document' })
  @ApiOkResponse(PDF_RESPONSE)
  async pdf(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<StreamableFile> {
    const invoice = await this.invoiceOf(tenantId, id);
    const pdf = await this.renderer.invoicePdf(invoice, {
      name: this.config.invoicing.sellerName,
      address: this.config.invoicing.sellerAddress,
    });
    return pdfFile(pdf, invoice.number ?? `draft-${invoice.id}`);
  }

  @Post(':id/credit-notes')
  @Scopes('invoices:write')
  @ApiOperation({
    operationId: 'createCreditNote',
    summary: 'Correct a finalized invoice with a credit note (full or per line; refund or wallet credit)',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: CreditNoteDto })
  async createCreditNote(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Body() body: IssueCreditNoteDto,
  ): Promise<CreditNoteDto> {
    return CreditNoteDto.of(await this.issueCreditNote.execute(tenantId, uuidOr404('Invoice', id), body));
  }

  @Get(':id/credit-notes')
  @Scopes('invoices:read')
  @ApiOperation({ operationId: 'listCreditNotes', summary: 'Credit notes issued against an invoice' })
  @ApiOkResponse({ type: CreditNoteListDto })
  async listCreditNotes(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Query() q: CursorPageQuery,
  ): Promise<CreditNoteListDto> {
    const invoice = await this.invoiceOf(tenantId, id);
    const page = paginateInMemory(await this.invoices.creditNotesOf(tenantId, invoice.id), q, createdKey);
    return { items: page.items.map(CreditNoteDto.of), nextCursor: page.nextCursor };
  }
}

@ApiTags('invoices')
@Controller('api/v1/credit-notes')
export class CreditNotesController {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly renderer: InvoiceRenderer,
    private readonly config: AppConfig,
    private readonly refundCreditNote: RefundCreditNote,
  ) {}

  private async noteOf(tenantId: TenantId, id: string) {
    const note = await this.invoices.findCreditNote(tenantId, uuidOr404('Credit note', id));
    if (!note) throw new NotFoundError('Credit note', id);
    return note;
  }

  @Get(':id')
  @Scopes('invoices:read')
  @ApiOperation({ operationId: 'getCreditNote', summary: 'Get a credit note' })
  @ApiOkResponse({ type: CreditNoteDto })
  async get(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<CreditNoteDto> {
    return CreditNoteDto.of(await this.noteOf(tenantId, id));
  }

  @Get(':id/pdf')
  @Scopes('invoices:read')
  @ApiProduces('application/pdf')
  @ApiOperation({ operationId: 'getCreditNotePdf', summary: 'The credit note as a PDF document' })
  @ApiOkResponse(PDF_RESPONSE)
  async pdf(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<StreamableFile> {
    const note = await this.noteOf(tenantId, id);
    const invoice = (await this.invoices.find(tenantId, note.invoiceId))!;
    const pdf = await this.renderer.creditNotePdf(note, invoice, {
      name: this.config.invoicing.sellerName,
      address: this.config.invoicing.sellerAddress,
    });
    return pdfFile(pdf, note.number);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @Scopes('invoices:write')
  @ApiOperation({
    operationId: 'retryCreditNoteRefund',
    summary: 'Send (again) a pending or failed refund to the payment provider; never refunds twice',
  })
  @ApiProblems(409, 502, 504)
  @ApiOkResponse({ type: CreditNoteDto })
  async retryRefund(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<CreditNoteDto> {
    return CreditNoteDto.of(
      await this.refundCreditNote.execute(tenantId, uuidOr404('Credit note', id), { rethrow: true }),
    );
  }
}

@ApiTags('invoices')
@Controller('api/v1/outcome-verification-rules')
export class VerificationRulesController {
  constructor(
    private readonly rules: VerificationRuleRepository,
    private readonly setRule: SetVerificationRule,
    private readonly deleteRule: DeleteVerificationRule,
  ) {}

  @Get()
  @Scopes('invoices:read')
  @ApiOperation({
    operationId: 'listOutcomeVerificationRules',
    summary: 'Outcome verification rules, one per outcome type',
  })
  @ApiOkResponse({ type: VerificationRuleListDto })
  async list(
    @CurrentTenant() tenantId: TenantId,
    @Query() q: CursorPageQuery,
  ): Promise<VerificationRuleListDto> {
    const page = paginateInMemory(await this.rules.list(tenantId), q, (r) => r.outcomeType);
    return { items: page.items.map(VerificationRuleDto.of), nextCursor: page.nextCursor };
  }

  @Put(':outcomeType')
  @Scopes('invoices:write')
  @ApiOperation({
    operationId: 'putOutcomeVerificationRule',
    summary: 'Set how outcomes of a type are verified (threshold, evidence, webhook, dispute window)',
  })
  @ApiOkResponse({ type: VerificationRuleDto })
  async put(
    @CurrentTenant() tenantId: TenantId,
    @Param('outcomeType') outcomeType: string,
    @Body() body: PutVerificationRuleDto,
  ): Promise<VerificationRuleDto> {
    if (!/^[a-z0-9_.-]{1,64}$/.test(outcomeType)) throw new NotFoundError('Outcome type', outcomeType);
    const rule = await this.setRule.execute(tenantId, outcomeType, {
      autoAcceptBelow: body.autoAcceptBelow ?? null,
      requiredEvidence: body.requiredEvidence ?? [],
      webhookUrl: body.webhookUrl ?? null,
      webhookSecret: body.webhookSecret ?? null,
      disputeWindowHours: body.disputeWindowHours ?? null,
    });
    return VerificationRuleDto.of(rule);
  }

  @Delete(':outcomeType')
  @HttpCode(204)
  @Scopes('invoices:write')
  @ApiOperation({
    operationId: 'deleteOutcomeVerificationRule',
    summary: 'Remove the rule of an outcome type (its outcomes are then verified as recorded)',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentTenant() tenantId: TenantId,
    @Param('outcomeType') outcomeType: string,
  ): Promise<void> {
    await this.deleteRule.execute(tenantId, outcomeType);
  }
}

@ApiTags('invoices')
@Controller('api/v1/failed-jobs')
export class FailedJobsController {
  constructor(
    private readonly failedJobs: FailedJobRepository,
    private readonly retryFailedJob: RetryFailedJob,
  ) {}

  @Get()
  @Scopes('invoices:read')
  @ApiOperation({
    operationId: 'listFailedJobs',
    summary: 'Dead letters: jobs that failed after all retries (invoices, outcome checks, Stripe events)',
  })
  @ApiOkResponse({ type: FailedJobListDto })
  async list(
    @CurrentTenant() tenantId: TenantId,
    @Query() q: ListFailedJobsQuery,
  ): Promise<FailedJobListDto> {
    const page = await this.failedJobs.list(tenantId, { ...q, limit: q.limit ?? 50 });
    return { items: page.items.map(FailedJobDto.of), nextCursor: page.nextCursor };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Scopes('invoices:write')
  @ApiOperation({ operationId: 'retryFailedJob', summary: 'Put a dead job back on its queue' })
  @ApiProblems(409)
  @ApiAcceptedResponse({ type: FailedJobDto })
  async retry(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<FailedJobDto> {
    return FailedJobDto.of(await this.retryFailedJob.execute(tenantId, uuidOr404('Failed job', id)));
  }
}
