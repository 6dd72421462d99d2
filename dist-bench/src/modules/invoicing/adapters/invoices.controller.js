"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FailedJobsController = exports.VerificationRulesController = exports.CreditNotesController = exports.InvoicesController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const app_config_1 = require("../../../config/app-config");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_renderer_port_1 = require("../domain/invoice-renderer.port");
const invoice_run_repository_port_1 = require("../domain/invoice-run.repository.port");
const failed_job_repository_port_1 = require("../domain/failed-job.repository.port");
const verification_rule_1 = require("../domain/verification-rule");
const finalize_invoice_use_case_1 = require("../application/finalize-invoice.use-case");
const void_invoice_use_case_1 = require("../application/void-invoice.use-case");
const preview_invoice_use_case_1 = require("../application/preview-invoice.use-case");
const issue_credit_note_use_case_1 = require("../application/issue-credit-note.use-case");
const refund_credit_note_use_case_1 = require("../application/refund-credit-note.use-case");
const invoice_runs_use_case_1 = require("../application/invoice-runs.use-case");
const retry_failed_job_use_case_1 = require("../application/retry-failed-job.use-case");
const invoicing_dto_1 = require("./invoicing.dto");
const idParam = (what, id) => {
    if (!(0, ids_1.isUuid)(id))
        throw new domain_error_1.NotFoundError(what, id);
    return id;
};
const PDF_RESPONSE = {
    description: 'PDF document',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};
const pdfFile = (pdf, name) => new common_1.StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${name}.pdf"` });
let InvoicesController = class InvoicesController {
    invoices;
    runs;
    renderer;
    finalizeInvoice;
    voidInvoice;
    previewInvoice;
    issueCreditNote;
    startInvoiceRun;
    config;
    constructor(invoices, runs, renderer, finalizeInvoice, voidInvoice, previewInvoice, issueCreditNote, startInvoiceRun, config) {
        this.invoices = invoices;
        this.runs = runs;
        this.renderer = renderer;
        this.finalizeInvoice = finalizeInvoice;
        this.voidInvoice = voidInvoice;
        this.previewInvoice = previewInvoice;
        this.issueCreditNote = issueCreditNote;
        this.startInvoiceRun = startInvoiceRun;
        this.config = config;
    }
    async invoiceOf(tenantId, id) {
        const invoice = await this.invoices.find(tenantId, idParam('Invoice', id));
        if (!invoice)
            throw new domain_error_1.NotFoundError('Invoice', id);
        return invoice;
    }
    async list(tenantId, q) {
        const page = await this.invoices.list(tenantId, { ...q, limit: q.limit ?? 20 });
        return { items: page.items.map(invoicing_dto_1.InvoiceDto.of), nextCursor: page.nextCursor };
    }
    async preview(tenantId, body) {
        const { rated, creditsApplied, total, asOf } = await this.previewInvoice.execute(tenantId, body.subscriptionId);
        return {
            subscriptionId: rated.subscriptionId,
            currency: rated.currency,
            periodStart: rated.periodStart.toISOString(),
            asOf: asOf.toISOString(),
            lines: rated.lines.map((l) => invoicing_dto_1.InvoiceLineDto.of(l)),
            subtotal: rated.subtotal,
            discountTotal: rated.discountTotal,
            taxRate: rated.taxRate,
            taxTotal: rated.taxTotal,
            creditsApplied,
            total,
            outcomes: rated.outcomes.map(invoicing_dto_1.BilledOutcomeDto.of),
        };
    }
    async startRun(tenantId, body) {
        return invoicing_dto_1.InvoiceRunDto.of(await this.startInvoiceRun.execute(tenantId, body.period));
    }
    async getRun(tenantId, runId) {
        const run = await this.runs.find(tenantId, idParam('Invoice run', runId));
        if (!run)
            throw new domain_error_1.NotFoundError('Invoice run', runId);
        return invoicing_dto_1.InvoiceRunDto.of(run);
    }
    async get(tenantId, id) {
        return invoicing_dto_1.InvoiceDto.of(await this.invoiceOf(tenantId, id));
    }
    async finalize(tenantId, id) {
        return invoicing_dto_1.InvoiceDto.of(await this.finalizeInvoice.execute(tenantId, idParam('Invoice', id)));
    }
    async void(tenantId, id) {
        return invoicing_dto_1.InvoiceDto.of(await this.voidInvoice.execute(tenantId, idParam('Invoice', id)));
    }
    async pdf(tenantId, id) {
        const invoice = await this.invoiceOf(tenantId, id);
        const pdf = await this.renderer.invoicePdf(invoice, {
            name: this.config.invoicing.sellerName,
            address: this.config.invoicing.sellerAddress,
        });
        return pdfFile(pdf, invoice.number ?? `draft-${invoice.id}`);
    }
    async createCreditNote(tenantId, id, body) {
        return invoicing_dto_1.CreditNoteDto.of(await this.issueCreditNote.execute(tenantId, idParam('Invoice', id), body));
    }
    async listCreditNotes(tenantId, id) {
        const invoice = await this.invoiceOf(tenantId, id);
        return { items: (await this.invoices.creditNotesOf(tenantId, invoice.id)).map(invoicing_dto_1.CreditNoteDto.of) };
    }
};
exports.InvoicesController = InvoicesController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List invoices, newest first' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.InvoicePageDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, invoicing_dto_1.ListInvoicesQuery]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "list", null);
__decorate([
    (0, common_1.Post)('preview'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({ summary: 'What the current period of a subscription would cost now (nothing is stored)' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.InvoicePreviewDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, invoicing_dto_1.PreviewInvoiceDto]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "preview", null);
__decorate([
    (0, common_1.Post)('runs'),
    (0, common_1.HttpCode)(202),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Start an invoice run for every period ended by the given month; answers with the run id',
    }),
    (0, swagger_1.ApiAcceptedResponse)({ type: invoicing_dto_1.InvoiceRunDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, invoicing_dto_1.StartInvoiceRunDto]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "startRun", null);
__decorate([
    (0, common_1.Get)('runs/:runId'),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Progress of an invoice run (jobs done / failed)' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.InvoiceRunDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('runId')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "getRun", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get an invoice with its lines and value receipt' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.InvoiceDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "get", null);
__decorate([
    (0, common_1.Post)(':id/finalize'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Finalize a draft now: number it, set the due date, push it for collection' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.InvoiceDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "finalize", null);
__decorate([
    (0, common_1.Post)(':id/void'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Void a draft or unpaid invoice' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.InvoiceDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "void", null);
__decorate([
    (0, common_1.Get)(':id/pdf'),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiProduces)('application/pdf'),
    (0, swagger_1.ApiOperation)({ summary: 'The invoice as a PDF document' }),
    (0, swagger_1.ApiOkResponse)(PDF_RESPONSE),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "pdf", null);
__decorate([
    (0, common_1.Post)(':id/credit-notes'),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Correct a finalized invoice with a credit note (full or per line; refund or wallet credit)',
    }),
    (0, swagger_1.ApiCreatedResponse)({ type: invoicing_dto_1.CreditNoteDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, invoicing_dto_1.IssueCreditNoteDto]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "createCreditNote", null);
__decorate([
    (0, common_1.Get)(':id/credit-notes'),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Credit notes issued against an invoice' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.CreditNoteListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], InvoicesController.prototype, "listCreditNotes", null);
exports.InvoicesController = InvoicesController = __decorate([
    (0, swagger_1.ApiTags)('invoices'),
    (0, common_1.Controller)('api/v1/invoices'),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        invoice_run_repository_port_1.InvoiceRunRepository,
        invoice_renderer_port_1.InvoiceRenderer,
        finalize_invoice_use_case_1.FinalizeInvoice,
        void_invoice_use_case_1.VoidInvoice,
        preview_invoice_use_case_1.PreviewInvoice,
        issue_credit_note_use_case_1.IssueCreditNote,
        invoice_runs_use_case_1.StartInvoiceRun,
        app_config_1.AppConfig])
], InvoicesController);
let CreditNotesController = class CreditNotesController {
    invoices;
    renderer;
    config;
    refundCreditNote;
    constructor(invoices, renderer, config, refundCreditNote) {
        this.invoices = invoices;
        this.renderer = renderer;
        this.config = config;
        this.refundCreditNote = refundCreditNote;
    }
    async noteOf(tenantId, id) {
        const note = await this.invoices.findCreditNote(tenantId, idParam('Credit note', id));
        if (!note)
            throw new domain_error_1.NotFoundError('Credit note', id);
        return note;
    }
    async get(tenantId, id) {
        return invoicing_dto_1.CreditNoteDto.of(await this.noteOf(tenantId, id));
    }
    async pdf(tenantId, id) {
        const note = await this.noteOf(tenantId, id);
        const invoice = (await this.invoices.find(tenantId, note.invoiceId));
        const pdf = await this.renderer.creditNotePdf(note, invoice, {
            name: this.config.invoicing.sellerName,
            address: this.config.invoicing.sellerAddress,
        });
        return pdfFile(pdf, note.number);
    }
    async retryRefund(tenantId, id) {
        return invoicing_dto_1.CreditNoteDto.of(await this.refundCreditNote.execute(tenantId, idParam('Credit note', id), { rethrow: true }));
    }
};
exports.CreditNotesController = CreditNotesController;
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a credit note' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.CreditNoteDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CreditNotesController.prototype, "get", null);
__decorate([
    (0, common_1.Get)(':id/pdf'),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiProduces)('application/pdf'),
    (0, swagger_1.ApiOperation)({ summary: 'The credit note as a PDF document' }),
    (0, swagger_1.ApiOkResponse)(PDF_RESPONSE),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CreditNotesController.prototype, "pdf", null);
__decorate([
    (0, common_1.Post)(':id/refund'),
    (0, common_1.HttpCode)(200),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Send (again) a pending or failed refund to the payment provider; never refunds twice',
    }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.CreditNoteDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CreditNotesController.prototype, "retryRefund", null);
exports.CreditNotesController = CreditNotesController = __decorate([
    (0, swagger_1.ApiTags)('invoices'),
    (0, common_1.Controller)('api/v1/credit-notes'),
    __metadata("design:paramtypes", [invoice_repository_port_1.InvoiceRepository,
        invoice_renderer_port_1.InvoiceRenderer,
        app_config_1.AppConfig,
        refund_credit_note_use_case_1.RefundCreditNote])
], CreditNotesController);
let VerificationRulesController = class VerificationRulesController {
    rules;
    constructor(rules) {
        this.rules = rules;
    }
    async list(tenantId) {
        return { items: (await this.rules.list(tenantId)).map(invoicing_dto_1.VerificationRuleDto.of) };
    }
    async put(tenantId, outcomeType, body) {
        if (!/^[a-z0-9_.-]{1,64}$/.test(outcomeType))
            throw new domain_error_1.NotFoundError('Outcome type', outcomeType);
        const rule = await this.rules.upsert({
            id: (0, ids_1.newId)(),
            tenantId,
            outcomeType,
            autoAcceptBelow: body.autoAcceptBelow ?? null,
            requiredEvidence: body.requiredEvidence ?? [],
            webhookUrl: body.webhookUrl ?? null,
            webhookSecret: body.webhookSecret ?? null,
            disputeWindowHours: body.disputeWindowHours ?? null,
        });
        return invoicing_dto_1.VerificationRuleDto.of(rule);
    }
    async remove(tenantId, outcomeType) {
        if (!(await this.rules.delete(tenantId, outcomeType)))
            throw new domain_error_1.NotFoundError('Verification rule', outcomeType);
    }
};
exports.VerificationRulesController = VerificationRulesController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Outcome verification rules, one per outcome type' }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.VerificationRuleListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], VerificationRulesController.prototype, "list", null);
__decorate([
    (0, common_1.Put)(':outcomeType'),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Set how outcomes of a type are verified (threshold, evidence, webhook, dispute window)',
    }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.VerificationRuleDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('outcomeType')),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, invoicing_dto_1.PutVerificationRuleDto]),
    __metadata("design:returntype", Promise)
], VerificationRulesController.prototype, "put", null);
__decorate([
    (0, common_1.Delete)(':outcomeType'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Remove the rule of an outcome type (its outcomes are then verified as recorded)',
    }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Removed' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('outcomeType')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], VerificationRulesController.prototype, "remove", null);
exports.VerificationRulesController = VerificationRulesController = __decorate([
    (0, swagger_1.ApiTags)('invoices'),
    (0, common_1.Controller)('api/v1/outcome-verification-rules'),
    __metadata("design:paramtypes", [verification_rule_1.VerificationRuleRepository])
], VerificationRulesController);
let FailedJobsController = class FailedJobsController {
    failedJobs;
    retryFailedJob;
    constructor(failedJobs, retryFailedJob) {
        this.failedJobs = failedJobs;
        this.retryFailedJob = retryFailedJob;
    }
    async list(tenantId, q) {
        return {
            items: (await this.failedJobs.list(tenantId, { ...q, limit: q.limit ?? 50 })).map(invoicing_dto_1.FailedJobDto.of),
        };
    }
    async retry(tenantId, id) {
        return invoicing_dto_1.FailedJobDto.of(await this.retryFailedJob.execute(tenantId, idParam('Failed job', id)));
    }
};
exports.FailedJobsController = FailedJobsController;
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('invoices:read'),
    (0, swagger_1.ApiOperation)({
        summary: 'Dead letters: jobs that failed after all retries (invoices, outcome checks, Stripe events)',
    }),
    (0, swagger_1.ApiOkResponse)({ type: invoicing_dto_1.FailedJobListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, invoicing_dto_1.ListFailedJobsQuery]),
    __metadata("design:returntype", Promise)
], FailedJobsController.prototype, "list", null);
__decorate([
    (0, common_1.Post)(':id/retry'),
    (0, common_1.HttpCode)(202),
    (0, auth_decorators_1.Scopes)('invoices:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Put a dead job back on its queue' }),
    (0, swagger_1.ApiAcceptedResponse)({ type: invoicing_dto_1.FailedJobDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], FailedJobsController.prototype, "retry", null);
exports.FailedJobsController = FailedJobsController = __decorate([
    (0, swagger_1.ApiTags)('invoices'),
    (0, common_1.Controller)('api/v1/failed-jobs'),
    __metadata("design:paramtypes", [failed_job_repository_port_1.FailedJobRepository,
        retry_failed_job_use_case_1.RetryFailedJob])
], FailedJobsController);
//# sourceMappingURL=invoices.controller.js.map