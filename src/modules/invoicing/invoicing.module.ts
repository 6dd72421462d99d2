import { Module, forwardRef } from '@nestjs/common';
import { InvoiceDocuments } from '../../shared/contracts/invoice-documents';
import { InvoicePayments } from '../../shared/contracts/invoice-payments';
import { FailedJobRepository } from './domain/failed-job.repository.port';
import { InvoiceCollector } from './domain/invoice-collector.port';
import { InvoiceRenderer } from './domain/invoice-renderer.port';
import { InvoiceRepository } from './domain/invoice.repository.port';
import { InvoiceRunRepository } from './domain/invoice-run.repository.port';
import { OutcomeVerifier } from './domain/outcome-verifier.port';
import { VerificationRuleRepository } from './domain/verification-rule';
import { FinalizeInvoice } from './application/finalize-invoice.use-case';
import { GenerateInvoice } from './application/generate-invoice.use-case';
import { InvoiceEndedPeriods } from './application/invoice-ended-periods.use-case';
import { InvoiceCompletion } from './application/invoice-completion';
import { InvoiceJobQueue } from './application/invoice-job-queue';
import { ExpandInvoiceRun } from './application/expand-invoice-run.use-case';
import { StartInvoiceRun } from './application/start-invoice-run.use-case';
import { IssueCreditNote } from './application/issue-credit-note.use-case';
import { MarkOverdueInvoices } from './application/mark-overdue-invoices.use-case';
import { PreviewInvoice } from './application/preview-invoice.use-case';
import { RecordFailedJob } from './application/record-failed-job.use-case';
import { RecordInvoicePayment } from './application/record-invoice-payment';
import { RenderInvoicePdf } from './application/render-invoice-pdf.use-case';
import { RefundCreditNote } from './application/refund-credit-note.use-case';
import { RetryFailedJob } from './application/retry-failed-job.use-case';
import { RunInvoiceScheduler } from './application/run-invoice-scheduler.use-case';
import { FailedJobRecorder } from '../../shared/contracts/failed-jobs';
import { VerifyOutcome } from './application/verify-outcome.use-case';
import { SetVerificationRule } from './application/set-verification-rule.use-case';
import { DeleteVerificationRule } from './application/delete-verification-rule.use-case';
import { VoidInvoice } from './application/void-invoice.use-case';
import { GatewayInvoiceCollector } from './adapters/gateway-invoice-collector';
import {
  CreditNotesController,
  FailedJobsController,
  InvoicesController,
  VerificationRulesController,
} from './adapters/invoices.controller';
import { PdfkitInvoiceRenderer } from './adapters/pdfkit-invoice-renderer';
import { SignedOutcomeVerifier } from './adapters/signed-outcome-verifier';
import { TypeOrmInvoiceRepository } from './adapters/typeorm-invoice.repository';
import {
  TypeOrmFailedJobRepository,
  TypeOrmInvoiceRunRepository,
  TypeOrmVerificationRuleRepository,
} from './adapters/typeorm-invoicing-support.repositories';
import { BillingModule } from '../billing/billing.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

/**
 * Invoicing: invoices and credit notes (gapless numbers, PDF), invoice runs, overdue checks, outcome
 * verification and the dead-letter list. Talks to Billing only through BillingForInvoicing and its
 * PaymentGateway port; provides InvoicePayments to the Stripe webhook handlers. See docs/modules/invoicing.md.
 */
@Module({
  imports: [forwardRef(() => BillingModule), forwardRef(() => WebhooksModule)],
  controllers: [InvoicesController, CreditNotesController, VerificationRulesController, FailedJobsController],
  providers: [
    { provide: InvoiceRepository, useClass: TypeOrmInvoiceRepository },
    { provide: InvoiceRunRepository, useClass: TypeOrmInvoiceRunRepository },
    { provide: FailedJobRepository, useClass: TypeOrmFailedJobRepository },
    { provide: VerificationRuleRepository, useClass: TypeOrmVerificationRuleRepository },
    { provide: InvoiceRenderer, useClass: PdfkitInvoiceRenderer },
    { provide: InvoiceCollector, useClass: GatewayInvoiceCollector },
    { provide: OutcomeVerifier, useClass: SignedOutcomeVerifier },
    { provide: InvoicePayments, useClass: RecordInvoicePayment },
    { provide: InvoiceDocuments, useClass: RenderInvoicePdf },
    InvoiceJobQueue,
    InvoiceCompletion,
    GenerateInvoice,
    InvoiceEndedPeriods,
    FinalizeInvoice,
    VoidInvoice,
    PreviewInvoice,
    IssueCreditNote,
    RefundCreditNote,
    StartInvoiceRun,
    ExpandInvoiceRun,
    RunInvoiceScheduler,
    MarkOverdueInvoices,
    VerifyOutcome,
    SetVerificationRule,
    DeleteVerificationRule,
    RecordFailedJob,
    { provide: FailedJobRecorder, useExisting: RecordFailedJob },
    RetryFailedJob,
  ],
  exports: [
    InvoicePayments,
    FailedJobRecorder,
    InvoiceDocuments,
    RecordFailedJob,
    InvoiceRunRepository,
    GenerateInvoice,
    InvoiceEndedPeriods,
    FinalizeInvoice,
    ExpandInvoiceRun,
    RunInvoiceScheduler,
    MarkOverdueInvoices,
    VerifyOutcome,
  ],
})
export class InvoicingModule {}
