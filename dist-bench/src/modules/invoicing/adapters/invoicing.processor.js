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
exports.OutcomeVerificationProcessor = exports.InvoicingProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const app_config_1 = require("../../../config/app-config");
const bullmq_2 = require("bullmq");
const nestjs_cls_1 = require("nestjs-cls");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const queue_names_1 = require("../../../shared/queue/queue-names");
const invoice_run_repository_port_1 = require("../domain/invoice-run.repository.port");
const generate_invoice_use_case_1 = require("../application/generate-invoice.use-case");
const finalize_invoice_use_case_1 = require("../application/finalize-invoice.use-case");
const run_invoice_scheduler_use_case_1 = require("../application/run-invoice-scheduler.use-case");
const invoice_runs_use_case_1 = require("../application/invoice-runs.use-case");
const mark_overdue_invoices_use_case_1 = require("../application/mark-overdue-invoices.use-case");
const record_failed_job_use_case_1 = require("../application/record-failed-job.use-case");
const verify_outcome_use_case_1 = require("../application/verify-outcome.use-case");
const invoicing_jobs_1 = require("../application/invoicing-jobs");
const attemptsOf = (job) => job.opts.attempts ?? 1;
let InvoicingProcessor = class InvoicingProcessor extends bullmq_1.WorkerHost {
    config;
    generateInvoice;
    finalizeInvoice;
    scheduler;
    expandRun;
    markOverdue;
    runs;
    recordFailedJob;
    constructor(config, generateInvoice, finalizeInvoice, scheduler, expandRun, markOverdue, runs, recordFailedJob) {
        super();
        this.config = config;
        this.generateInvoice = generateInvoice;
        this.finalizeInvoice = finalizeInvoice;
        this.scheduler = scheduler;
        this.expandRun = expandRun;
        this.markOverdue = markOverdue;
        this.runs = runs;
        this.recordFailedJob = recordFailedJob;
    }
    onApplicationBootstrap() {
        this.worker.concurrency = this.config.invoicing.workerConcurrency;
    }
    async process(job) {
        switch (job.name) {
            case invoicing_jobs_1.INVOICING_JOBS.generate: {
                const d = job.data;
                const invoice = await this.generateInvoice.execute({
                    tenantId: (0, tenant_id_1.asTenantId)(d.tenantId),
                    subscriptionId: d.subscriptionId,
                    customerId: d.customerId,
                    periodStart: new Date(d.periodStart),
                    periodEnd: new Date(d.periodEnd),
                });
                return { invoiceId: invoice.id, number: invoice.number };
            }
            case invoicing_jobs_1.INVOICING_JOBS.finalize: {
                const d = job.data;
                return { number: (await this.finalizeInvoice.execute((0, tenant_id_1.asTenantId)(d.tenantId), d.invoiceId)).number };
            }
            case invoicing_jobs_1.INVOICING_JOBS.expandRun: {
                const d = job.data;
                return this.expandRun.execute((0, tenant_id_1.asTenantId)(d.tenantId), d.runId);
            }
            case invoicing_jobs_1.INVOICING_JOBS.scheduleRun:
                return this.scheduler.execute();
            case invoicing_jobs_1.INVOICING_JOBS.markOverdue:
                return { marked: await this.markOverdue.execute() };
            default:
                throw new Error(`unknown invoicing job ${job.name}`);
        }
    }
    async onFailed(job, error) {
        if (!job)
            return;
        const dead = await this.recordFailedJob.execute({
            queue: queue_names_1.QUEUES.invoicing,
            name: job.name,
            id: job.id,
            data: job.data,
            attemptsMade: job.attemptsMade,
            maxAttempts: attemptsOf(job),
        }, error);
        if (dead && job.name === invoicing_jobs_1.INVOICING_JOBS.generate) {
            const d = job.data;
            await this.runs.markFailed({ subscriptionId: d.subscriptionId, periodStart: new Date(d.periodStart) }, error.message);
        }
    }
};
exports.InvoicingProcessor = InvoicingProcessor;
__decorate([
    (0, nestjs_cls_1.UseCls)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [bullmq_2.Job]),
    __metadata("design:returntype", Promise)
], InvoicingProcessor.prototype, "process", null);
__decorate([
    (0, bullmq_1.OnWorkerEvent)('failed'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Error]),
    __metadata("design:returntype", Promise)
], InvoicingProcessor.prototype, "onFailed", null);
exports.InvoicingProcessor = InvoicingProcessor = __decorate([
    (0, bullmq_1.Processor)(queue_names_1.QUEUES.invoicing),
    __metadata("design:paramtypes", [app_config_1.AppConfig,
        generate_invoice_use_case_1.GenerateInvoice,
        finalize_invoice_use_case_1.FinalizeInvoice,
        run_invoice_scheduler_use_case_1.RunInvoiceScheduler,
        invoice_runs_use_case_1.ExpandInvoiceRun,
        mark_overdue_invoices_use_case_1.MarkOverdueInvoices,
        invoice_run_repository_port_1.InvoiceRunRepository,
        record_failed_job_use_case_1.RecordFailedJob])
], InvoicingProcessor);
let OutcomeVerificationProcessor = class OutcomeVerificationProcessor extends bullmq_1.WorkerHost {
    verifyOutcome;
    recordFailedJob;
    constructor(verifyOutcome, recordFailedJob) {
        super();
        this.verifyOutcome = verifyOutcome;
        this.recordFailedJob = recordFailedJob;
    }
    async process(job, token) {
        const result = await this.verifyOutcome.execute((0, tenant_id_1.asTenantId)(job.data.tenantId), job.data.outcomeId);
        if (result.status === 'waiting') {
            await job.moveToDelayed(Date.now() + result.delayMs, token);
            throw new bullmq_2.DelayedError();
        }
        return result;
    }
    async onFailed(job, error) {
        if (!job || error instanceof bullmq_2.DelayedError)
            return;
        await this.recordFailedJob.execute({
            queue: queue_names_1.QUEUES.outcomeVerification,
            name: job.name,
            id: job.id,
            data: job.data,
            attemptsMade: job.attemptsMade,
            maxAttempts: attemptsOf(job),
        }, error);
    }
};
exports.OutcomeVerificationProcessor = OutcomeVerificationProcessor;
__decorate([
    (0, nestjs_cls_1.UseCls)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [bullmq_2.Job, String]),
    __metadata("design:returntype", Promise)
], OutcomeVerificationProcessor.prototype, "process", null);
__decorate([
    (0, bullmq_1.OnWorkerEvent)('failed'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Error]),
    __metadata("design:returntype", Promise)
], OutcomeVerificationProcessor.prototype, "onFailed", null);
exports.OutcomeVerificationProcessor = OutcomeVerificationProcessor = __decorate([
    (0, bullmq_1.Processor)(queue_names_1.QUEUES.outcomeVerification, { concurrency: 10 }),
    __metadata("design:paramtypes", [verify_outcome_use_case_1.VerifyOutcome,
        record_failed_job_use_case_1.RecordFailedJob])
], OutcomeVerificationProcessor);
//# sourceMappingURL=invoicing.processor.js.map