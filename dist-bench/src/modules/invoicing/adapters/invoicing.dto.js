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
Object.defineProperty(exports, "__esModule", { value: true });
exports.FailedJobListDto = exports.FailedJobDto = exports.VerificationRuleListDto = exports.VerificationRuleDto = exports.CreditNoteListDto = exports.CreditNoteDto = exports.CreditNoteLineDto = exports.InvoiceRunDto = exports.InvoicePreviewDto = exports.InvoicePageDto = exports.InvoiceDto = exports.BilledOutcomeDto = exports.InvoiceLineDto = exports.ListFailedJobsQuery = exports.PutVerificationRuleDto = exports.IssueCreditNoteDto = exports.CreditNoteLineInputDto = exports.StartInvoiceRunDto = exports.PreviewInvoiceDto = exports.ListInvoicesQuery = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const pagination_dto_1 = require("../../../shared/http/pagination.dto");
const class_validator_1 = require("class-validator");
const invoice_1 = require("../domain/invoice");
const AMOUNT_RE = /^\d{1,18}(\.\d{1,12})?$/;
const iso = (d) => (d ? d.toISOString() : null);
class ListInvoicesQuery extends pagination_dto_1.CursorPageQuery {
    status;
    customerId;
}
exports.ListInvoicesQuery = ListInvoicesQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: invoice_1.INVOICE_STATUSES, example: 'finalized' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(invoice_1.INVOICE_STATUSES),
    __metadata("design:type", String)
], ListInvoicesQuery.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: '6a1f0d9e-2b47-4c2a-9d1e-1f2e3d4c5b6a' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], ListInvoicesQuery.prototype, "customerId", void 0);
class PreviewInvoiceDto {
    subscriptionId;
}
exports.PreviewInvoiceDto = PreviewInvoiceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '6a1f0d9e-2b47-4c2a-9d1e-1f2e3d4c5b6a' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], PreviewInvoiceDto.prototype, "subscriptionId", void 0);
class StartInvoiceRunDto {
    period;
}
exports.StartInvoiceRunDto = StartInvoiceRunDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '2026-10',
        description: 'Invoice every period that ended by the end of this month (YYYY-MM); omitted = by now',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' }),
    __metadata("design:type", String)
], StartInvoiceRunDto.prototype, "period", void 0);
class CreditNoteLineInputDto {
    invoiceLineId;
    amount;
}
exports.CreditNoteLineInputDto = CreditNoteLineInputDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }),
    (0, class_validator_1.IsUUID)(),
    __metadata("design:type", String)
], CreditNoteLineInputDto.prototype, "invoiceLineId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '12.50', description: 'Amount to credit on this line, tax included' }),
    (0, class_validator_1.Matches)(AMOUNT_RE, { message: 'amount must be a positive decimal string' }),
    __metadata("design:type", String)
], CreditNoteLineInputDto.prototype, "amount", void 0);
class IssueCreditNoteDto {
    reason;
    method;
    lines;
}
exports.IssueCreditNoteDto = IssueCreditNoteDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Agent outage on Nov 3: 2 days of seats refunded' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(3),
    (0, class_validator_1.MaxLength)(500),
    __metadata("design:type", String)
], IssueCreditNoteDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({
        enum: ['refund', 'credit'],
        example: 'credit',
        description: 'Refund the payment or credit the wallet',
    }),
    (0, class_validator_1.IsIn)(['refund', 'credit']),
    __metadata("design:type", String)
], IssueCreditNoteDto.prototype, "method", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        type: [CreditNoteLineInputDto],
        description: 'Omit to credit the whole remaining amount',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(200),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => CreditNoteLineInputDto),
    __metadata("design:type", Array)
], IssueCreditNoteDto.prototype, "lines", void 0);
class PutVerificationRuleDto {
    autoAcceptBelow;
    requiredEvidence;
    webhookUrl;
    webhookSecret;
    disputeWindowHours;
}
exports.PutVerificationRuleDto = PutVerificationRuleDto;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: '50',
        nullable: true,
        description: 'Outcomes worth less are verified at once',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.Matches)(AMOUNT_RE),
    __metadata("design:type", Object)
], PutVerificationRuleDto.prototype, "autoAcceptBelow", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: ['ticket_id', 'resolution_url'],
        description: 'Evidence fields that must be present',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.MaxLength)(100, { each: true }),
    __metadata("design:type", Array)
], PutVerificationRuleDto.prototype, "requiredEvidence", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'https://example.com/verify-outcome', nullable: true }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }),
    (0, class_validator_1.MaxLength)(2000),
    __metadata("design:type", Object)
], PutVerificationRuleDto.prototype, "webhookUrl", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 'a-long-shared-secret',
        description: 'Signs the verification webhook calls',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(16),
    (0, class_validator_1.MaxLength)(200),
    __metadata("design:type", String)
], PutVerificationRuleDto.prototype, "webhookSecret", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({
        example: 72,
        nullable: true,
        description: 'Verified automatically after this many hours',
    }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(24 * 90),
    __metadata("design:type", Object)
], PutVerificationRuleDto.prototype, "disputeWindowHours", void 0);
class ListFailedJobsQuery {
    queue;
    status;
    limit;
}
exports.ListFailedJobsQuery = ListFailedJobsQuery;
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['invoicing', 'outcome-verification', 'stripe-events'], example: 'invoicing' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['invoicing', 'outcome-verification', 'stripe-events']),
    __metadata("design:type", String)
], ListFailedJobsQuery.prototype, "queue", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ enum: ['dead', 'retried'], example: 'dead' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['dead', 'retried']),
    __metadata("design:type", String)
], ListFailedJobsQuery.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 50, minimum: 1, maximum: 200 }),
    (0, class_validator_1.IsOptional)(),
    (0, class_transformer_1.Type)(() => Number),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(200),
    __metadata("design:type", Number)
], ListFailedJobsQuery.prototype, "limit", void 0);
class InvoiceLineDto {
    id;
    kind;
    description;
    quantity;
    unitAmount;
    amount;
    chargeId;
    metricCode;
    static of(l) {
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
exports.InvoiceLineDto = InvoiceLineDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }),
    __metadata("design:type", String)
], InvoiceLineDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'usage' }),
    __metadata("design:type", String)
], InvoiceLineDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'LLM tokens (gpt-4o-mini)' }),
    __metadata("design:type", String)
], InvoiceLineDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '1250000' }),
    __metadata("design:type", String)
], InvoiceLineDto.prototype, "quantity", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.000002' }),
    __metadata("design:type", String)
], InvoiceLineDto.prototype, "unitAmount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2.50' }),
    __metadata("design:type", String)
], InvoiceLineDto.prototype, "amount", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'chg_123', nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceLineDto.prototype, "chargeId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'llm_prompt_tokens', nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceLineDto.prototype, "metricCode", void 0);
class BilledOutcomeDto {
    id;
    agentId;
    type;
    value;
    currency;
    evidence;
    verifiedAt;
    static of(o) {
        return { ...o, verifiedAt: new Date(o.verifiedAt).toISOString() };
    }
}
exports.BilledOutcomeDto = BilledOutcomeDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '9b1c...' }),
    __metadata("design:type", String)
], BilledOutcomeDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '3f2a...' }),
    __metadata("design:type", String)
], BilledOutcomeDto.prototype, "agentId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ticket_resolved' }),
    __metadata("design:type", String)
], BilledOutcomeDto.prototype, "type", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '4.00' }),
    __metadata("design:type", String)
], BilledOutcomeDto.prototype, "value", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], BilledOutcomeDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { ticket_id: 'T-1001' } }),
    __metadata("design:type", Object)
], BilledOutcomeDto.prototype, "evidence", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-02T10:00:00.000Z' }),
    __metadata("design:type", String)
], BilledOutcomeDto.prototype, "verifiedAt", void 0);
class InvoiceDto {
    id;
    number;
    status;
    customerId;
    subscriptionId;
    currency;
    periodStart;
    periodEnd;
    subtotal;
    discountTotal;
    taxRate;
    taxTotal;
    creditsApplied;
    total;
    amountCredited;
    collectionMethod;
    stripeInvoiceId;
    graceUntil;
    finalizedAt;
    dueAt;
    paidAt;
    voidedAt;
    overdueAt;
    customer;
    lines;
    outcomes;
    createdAt;
    static of(i) {
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
exports.InvoiceDto = InvoiceDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0b6f3c1e-7f3a-4a8b-9a43-0f3f2f6f7a10' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'INV-2026-000123', nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "number", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: invoice_1.INVOICE_STATUSES, example: 'finalized' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '6a1f...' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "customerId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7b2e...' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "subscriptionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-10-01T00:00:00.000Z' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "periodStart", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "periodEnd", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '100.00' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "subtotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '-10.00' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "discountTotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '20', description: 'Percent' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "taxRate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '18.00' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "taxTotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5.00' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "creditsApplied", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '103.00', description: 'Amount due after credits' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "total", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.00', description: 'Sum of credit notes issued against it' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "amountCredited", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'manual', enum: ['manual', 'stripe'] }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "collectionMethod", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'in_1P...', nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "stripeInvoiceId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-02T00:00:00.000Z', description: 'Draft until then (late usage can land)' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "graceUntil", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-02T00:00:00.000Z', nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "finalizedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-12-02T00:00:00.000Z', nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "dueAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "paidAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "voidedAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "overdueAt", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { name: 'Acme', email: 'billing@acme.test' } }),
    __metadata("design:type", Object)
], InvoiceDto.prototype, "customer", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [InvoiceLineDto] }),
    __metadata("design:type", Array)
], InvoiceDto.prototype, "lines", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [BilledOutcomeDto], description: 'Value receipt: the verified outcomes billed' }),
    __metadata("design:type", Array)
], InvoiceDto.prototype, "outcomes", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T00:05:00.000Z' }),
    __metadata("design:type", String)
], InvoiceDto.prototype, "createdAt", void 0);
class InvoicePageDto {
    items;
    nextCursor;
}
exports.InvoicePageDto = InvoicePageDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [InvoiceDto] }),
    __metadata("design:type", Array)
], InvoicePageDto.prototype, "items", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], InvoicePageDto.prototype, "nextCursor", void 0);
class InvoicePreviewDto {
    subscriptionId;
    currency;
    periodStart;
    asOf;
    lines;
    subtotal;
    discountTotal;
    taxRate;
    taxTotal;
    creditsApplied;
    total;
    outcomes;
}
exports.InvoicePreviewDto = InvoicePreviewDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '7b2e...' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "subscriptionId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "periodStart", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T14:00:00.000Z', description: 'Rated up to this instant' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "asOf", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [InvoiceLineDto] }),
    __metadata("design:type", Array)
], InvoicePreviewDto.prototype, "lines", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '100.00' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "subtotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0.00' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "discountTotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '20', description: 'Percent' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "taxRate", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '20.00' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "taxTotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5.00' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "creditsApplied", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '115.00' }),
    __metadata("design:type", String)
], InvoicePreviewDto.prototype, "total", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [BilledOutcomeDto] }),
    __metadata("design:type", Array)
], InvoicePreviewDto.prototype, "outcomes", void 0);
class InvoiceRunDto {
    id;
    asOf;
    status;
    jobsTotal;
    jobsDone;
    jobsFailed;
    createdAt;
    static of(r) {
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
exports.InvoiceRunDto = InvoiceRunDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2f0d...' }),
    __metadata("design:type", String)
], InvoiceRunDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }),
    __metadata("design:type", String)
], InvoiceRunDto.prototype, "asOf", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['expanding', 'running', 'completed', 'completed_with_failures'], example: 'running' }),
    __metadata("design:type", String)
], InvoiceRunDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 120 }),
    __metadata("design:type", Number)
], InvoiceRunDto.prototype, "jobsTotal", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 100 }),
    __metadata("design:type", Number)
], InvoiceRunDto.prototype, "jobsDone", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 1 }),
    __metadata("design:type", Number)
], InvoiceRunDto.prototype, "jobsFailed", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-01T00:00:00.000Z' }),
    __metadata("design:type", String)
], InvoiceRunDto.prototype, "createdAt", void 0);
class CreditNoteLineDto {
    invoiceLineId;
    description;
    amount;
}
exports.CreditNoteLineDto = CreditNoteLineDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '1c2d...', nullable: true, type: String }),
    __metadata("design:type", Object)
], CreditNoteLineDto.prototype, "invoiceLineId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Seats' }),
    __metadata("design:type", String)
], CreditNoteLineDto.prototype, "description", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '12.50' }),
    __metadata("design:type", String)
], CreditNoteLineDto.prototype, "amount", void 0);
class CreditNoteDto {
    id;
    number;
    invoiceId;
    reason;
    method;
    currency;
    total;
    refundStatus;
    refundId;
    refundError;
    lines;
    createdAt;
    static of(n) {
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
exports.CreditNoteDto = CreditNoteDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '5e6f...' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'CN-2026-000007' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "number", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '0b6f...' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "invoiceId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Agent outage' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "reason", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['refund', 'credit'], example: 'credit' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "method", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'USD' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "currency", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '12.50' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "total", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['none', 'pending', 'succeeded', 'manual', 'failed'], example: 'none' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "refundStatus", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 're_3PqL...', nullable: true, type: String }),
    __metadata("design:type", Object)
], CreditNoteDto.prototype, "refundId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: null, nullable: true, type: String }),
    __metadata("design:type", Object)
], CreditNoteDto.prototype, "refundError", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CreditNoteLineDto] }),
    __metadata("design:type", Array)
], CreditNoteDto.prototype, "lines", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], CreditNoteDto.prototype, "createdAt", void 0);
class CreditNoteListDto {
    items;
}
exports.CreditNoteListDto = CreditNoteListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [CreditNoteDto] }),
    __metadata("design:type", Array)
], CreditNoteListDto.prototype, "items", void 0);
class VerificationRuleDto {
    outcomeType;
    autoAcceptBelow;
    requiredEvidence;
    webhookUrl;
    disputeWindowHours;
    static of(r) {
        return {
            outcomeType: r.outcomeType,
            autoAcceptBelow: r.autoAcceptBelow,
            requiredEvidence: r.requiredEvidence,
            webhookUrl: r.webhookUrl,
            disputeWindowHours: r.disputeWindowHours,
        };
    }
}
exports.VerificationRuleDto = VerificationRuleDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'ticket_resolved' }),
    __metadata("design:type", String)
], VerificationRuleDto.prototype, "outcomeType", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '50', nullable: true, type: String }),
    __metadata("design:type", Object)
], VerificationRuleDto.prototype, "autoAcceptBelow", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: ['ticket_id'] }),
    __metadata("design:type", Array)
], VerificationRuleDto.prototype, "requiredEvidence", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'https://example.com/verify', nullable: true, type: String }),
    __metadata("design:type", Object)
], VerificationRuleDto.prototype, "webhookUrl", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 72, nullable: true, type: Number }),
    __metadata("design:type", Object)
], VerificationRuleDto.prototype, "disputeWindowHours", void 0);
class VerificationRuleListDto {
    items;
}
exports.VerificationRuleListDto = VerificationRuleListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [VerificationRuleDto] }),
    __metadata("design:type", Array)
], VerificationRuleListDto.prototype, "items", void 0);
class FailedJobDto {
    id;
    queue;
    jobName;
    jobId;
    data;
    error;
    attempts;
    status;
    createdAt;
    static of(j) {
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
exports.FailedJobDto = FailedJobDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: '8d7c...' }),
    __metadata("design:type", String)
], FailedJobDto.prototype, "id", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'invoicing' }),
    __metadata("design:type", String)
], FailedJobDto.prototype, "queue", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'generate-invoice' }),
    __metadata("design:type", String)
], FailedJobDto.prototype, "jobName", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'inv_7b2e..._1764547200000' }),
    __metadata("design:type", String)
], FailedJobDto.prototype, "jobId", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: { subscriptionId: '7b2e...' } }),
    __metadata("design:type", Object)
], FailedJobDto.prototype, "data", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'rating failed: plan not found' }),
    __metadata("design:type", String)
], FailedJobDto.prototype, "error", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 5 }),
    __metadata("design:type", Number)
], FailedJobDto.prototype, "attempts", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: ['dead', 'retried'], example: 'dead' }),
    __metadata("design:type", String)
], FailedJobDto.prototype, "status", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: '2026-11-22T10:00:00.000Z' }),
    __metadata("design:type", String)
], FailedJobDto.prototype, "createdAt", void 0);
class FailedJobListDto {
    items;
}
exports.FailedJobListDto = FailedJobListDto;
__decorate([
    (0, swagger_1.ApiProperty)({ type: [FailedJobDto] }),
    __metadata("design:type", Array)
], FailedJobListDto.prototype, "items", void 0);
//# sourceMappingURL=invoicing.dto.js.map