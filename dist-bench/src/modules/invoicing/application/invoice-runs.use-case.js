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
exports.ExpandInvoiceRun = exports.StartInvoiceRun = void 0;
exports.runCutoff = runCutoff;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const queue_names_1 = require("../../../shared/queue/queue-names");
const invoice_run_repository_port_1 = require("../domain/invoice-run.repository.port");
const invoicing_jobs_1 = require("./invoicing-jobs");
const invoice_job_queue_1 = require("./invoice-job-queue");
const PAGE = 1000;
function runCutoff(period, now) {
    if (!period)
        return now;
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    const month = m ? Number(m[2]) : 0;
    if (!m || month < 1 || month > 12)
        throw new domain_error_1.InvalidError('invalid_period', 'period must be YYYY-MM', [
            { field: 'period', message: 'YYYY-MM' },
        ]);
    const end = new Date(Date.UTC(Number(m[1]), month, 1));
    return end < now ? end : now;
}
let StartInvoiceRun = class StartInvoiceRun {
    runs;
    queue;
    clock;
    constructor(runs, queue, clock) {
        this.runs = runs;
        this.queue = queue;
        this.clock = clock;
    }
    async execute(tenantId, period) {
        const asOf = runCutoff(period, this.clock.now());
        const id = (0, ids_1.newId)();
        await this.runs.insert({ id, tenantId, asOf });
        await this.queue.add(invoicing_jobs_1.INVOICING_JOBS.expandRun, { tenantId, runId: id }, {
            jobId: (0, invoicing_jobs_1.expandRunJobId)(id),
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
        });
        return (await this.runs.find(tenantId, id));
    }
};
exports.StartInvoiceRun = StartInvoiceRun;
exports.StartInvoiceRun = StartInvoiceRun = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.invoicing)),
    __metadata("design:paramtypes", [invoice_run_repository_port_1.InvoiceRunRepository,
        bullmq_2.Queue,
        clock_port_1.Clock])
], StartInvoiceRun);
let ExpandInvoiceRun = class ExpandInvoiceRun {
    runs;
    billing;
    jobs;
    constructor(runs, billing, jobs) {
        this.runs = runs;
        this.billing = billing;
        this.jobs = jobs;
    }
    async execute(tenantId, runId) {
        const run = await this.runs.find(tenantId, runId);
        if (!run || run.expandedAt)
            return;
        let after;
        for (;;) {
            const page = await this.billing.dueSubscriptionPeriodsOfTenant(tenantId, run.asOf, PAGE, after);
            await this.runs.addItems(tenantId, runId, page);
            await this.jobs.generate(page);
            if (page.length < PAGE)
                break;
            after = page[page.length - 1].subscriptionId;
        }
        await this.runs.markExpanded(tenantId, runId);
    }
};
exports.ExpandInvoiceRun = ExpandInvoiceRun;
exports.ExpandInvoiceRun = ExpandInvoiceRun = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [invoice_run_repository_port_1.InvoiceRunRepository,
        billing_for_invoicing_1.BillingForInvoicing,
        invoice_job_queue_1.InvoiceJobQueue])
], ExpandInvoiceRun);
//# sourceMappingURL=invoice-runs.use-case.js.map