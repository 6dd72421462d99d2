"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvoicingModule = void 0;
const common_1 = require("@nestjs/common");
const invoice_payments_1 = require("../../shared/contracts/invoice-payments");
const failed_job_repository_port_1 = require("./domain/failed-job.repository.port");
const invoice_collector_port_1 = require("./domain/invoice-collector.port");
const invoice_renderer_port_1 = require("./domain/invoice-renderer.port");
const invoice_repository_port_1 = require("./domain/invoice.repository.port");
const invoice_run_repository_port_1 = require("./domain/invoice-run.repository.port");
const outcome_verifier_port_1 = require("./domain/outcome-verifier.port");
const verification_rule_1 = require("./domain/verification-rule");
const finalize_invoice_use_case_1 = require("./application/finalize-invoice.use-case");
const generate_invoice_use_case_1 = require("./application/generate-invoice.use-case");
const invoice_completion_1 = require("./application/invoice-completion");
const invoice_job_queue_1 = require("./application/invoice-job-queue");
const invoice_runs_use_case_1 = require("./application/invoice-runs.use-case");
const issue_credit_note_use_case_1 = require("./application/issue-credit-note.use-case");
const mark_overdue_invoices_use_case_1 = require("./application/mark-overdue-invoices.use-case");
const preview_invoice_use_case_1 = require("./application/preview-invoice.use-case");
const record_failed_job_use_case_1 = require("./application/record-failed-job.use-case");
const record_invoice_payment_1 = require("./application/record-invoice-payment");
const refund_credit_note_use_case_1 = require("./application/refund-credit-note.use-case");
const retry_failed_job_use_case_1 = require("./application/retry-failed-job.use-case");
const run_invoice_scheduler_use_case_1 = require("./application/run-invoice-scheduler.use-case");
const verify_outcome_use_case_1 = require("./application/verify-outcome.use-case");
const void_invoice_use_case_1 = require("./application/void-invoice.use-case");
const gateway_invoice_collector_1 = require("./adapters/gateway-invoice-collector");
const invoices_controller_1 = require("./adapters/invoices.controller");
const pdfkit_invoice_renderer_1 = require("./adapters/pdfkit-invoice-renderer");
const signed_outcome_verifier_1 = require("./adapters/signed-outcome-verifier");
const typeorm_invoice_repository_1 = require("./adapters/typeorm-invoice.repository");
const typeorm_invoicing_support_repositories_1 = require("./adapters/typeorm-invoicing-support.repositories");
let InvoicingModule = class InvoicingModule {
};
exports.InvoicingModule = InvoicingModule;
exports.InvoicingModule = InvoicingModule = __decorate([
    (0, common_1.Module)({
        controllers: [invoices_controller_1.InvoicesController, invoices_controller_1.CreditNotesController, invoices_controller_1.VerificationRulesController, invoices_controller_1.FailedJobsController],
        providers: [
            { provide: invoice_repository_port_1.InvoiceRepository, useClass: typeorm_invoice_repository_1.TypeOrmInvoiceRepository },
            { provide: invoice_run_repository_port_1.InvoiceRunRepository, useClass: typeorm_invoicing_support_repositories_1.TypeOrmInvoiceRunRepository },
            { provide: failed_job_repository_port_1.FailedJobRepository, useClass: typeorm_invoicing_support_repositories_1.TypeOrmFailedJobRepository },
            { provide: verification_rule_1.VerificationRuleRepository, useClass: typeorm_invoicing_support_repositories_1.TypeOrmVerificationRuleRepository },
            { provide: invoice_renderer_port_1.InvoiceRenderer, useClass: pdfkit_invoice_renderer_1.PdfkitInvoiceRenderer },
            { provide: invoice_collector_port_1.InvoiceCollector, useClass: gateway_invoice_collector_1.GatewayInvoiceCollector },
            { provide: outcome_verifier_port_1.OutcomeVerifier, useClass: signed_outcome_verifier_1.SignedOutcomeVerifier },
            { provide: invoice_payments_1.InvoicePayments, useClass: record_invoice_payment_1.RecordInvoicePayment },
            invoice_job_queue_1.InvoiceJobQueue,
            invoice_completion_1.InvoiceCompletion,
            generate_invoice_use_case_1.GenerateInvoice,
            finalize_invoice_use_case_1.FinalizeInvoice,
            void_invoice_use_case_1.VoidInvoice,
            preview_invoice_use_case_1.PreviewInvoice,
            issue_credit_note_use_case_1.IssueCreditNote,
            refund_credit_note_use_case_1.RefundCreditNote,
            invoice_runs_use_case_1.StartInvoiceRun,
            invoice_runs_use_case_1.ExpandInvoiceRun,
            run_invoice_scheduler_use_case_1.RunInvoiceScheduler,
            mark_overdue_invoices_use_case_1.MarkOverdueInvoices,
            verify_outcome_use_case_1.VerifyOutcome,
            record_failed_job_use_case_1.RecordFailedJob,
            retry_failed_job_use_case_1.RetryFailedJob,
        ],
        exports: [
            invoice_payments_1.InvoicePayments,
            record_failed_job_use_case_1.RecordFailedJob,
            invoice_run_repository_port_1.InvoiceRunRepository,
            generate_invoice_use_case_1.GenerateInvoice,
            finalize_invoice_use_case_1.FinalizeInvoice,
            invoice_runs_use_case_1.ExpandInvoiceRun,
            run_invoice_scheduler_use_case_1.RunInvoiceScheduler,
            mark_overdue_invoices_use_case_1.MarkOverdueInvoices,
            verify_outcome_use_case_1.VerifyOutcome,
        ],
    })
], InvoicingModule);
//# sourceMappingURL=invoicing.module.js.map