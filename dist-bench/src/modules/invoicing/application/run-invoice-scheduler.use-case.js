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
exports.RunInvoiceScheduler = void 0;
const common_1 = require("@nestjs/common");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const clock_port_1 = require("../../../shared/domain/clock.port");
const invoice_repository_port_1 = require("../domain/invoice.repository.port");
const invoice_job_queue_1 = require("./invoice-job-queue");
const PAGE = 1000;
let RunInvoiceScheduler = class RunInvoiceScheduler {
    billing;
    invoices;
    jobs;
    clock;
    constructor(billing, invoices, jobs, clock) {
        this.billing = billing;
        this.invoices = invoices;
        this.jobs = jobs;
        this.clock = clock;
    }
    async execute() {
        const asOf = this.clock.now();
        let periodsQueued = 0;
        let after;
        for (;;) {
            const page = await this.billing.dueSubscriptionPeriods(asOf, PAGE, after);
            await this.jobs.generate(page);
            periodsQueued += page.length;
            if (page.length < PAGE)
                break;
            after = page[page.length - 1].subscriptionId;
        }
        const drafts = await this.invoices.draftsPastGrace(asOf, 10_000);
        await this.jobs.finalize(drafts);
        return { periodsQueued, draftsQueued: drafts.length };
    }
};
exports.RunInvoiceScheduler = RunInvoiceScheduler;
exports.RunInvoiceScheduler = RunInvoiceScheduler = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [billing_for_invoicing_1.BillingForInvoicing,
        invoice_repository_port_1.InvoiceRepository,
        invoice_job_queue_1.InvoiceJobQueue,
        clock_port_1.Clock])
], RunInvoiceScheduler);
//# sourceMappingURL=run-invoice-scheduler.use-case.js.map