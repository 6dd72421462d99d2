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
exports.InvoiceJobQueue = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const app_config_1 = require("../../../config/app-config");
const queue_names_1 = require("../../../shared/queue/queue-names");
const invoicing_jobs_1 = require("./invoicing-jobs");
let InvoiceJobQueue = class InvoiceJobQueue {
    queue;
    config;
    constructor(queue, config) {
        this.queue = queue;
        this.config = config;
    }
    opts(jobId) {
        const { jobAttempts, jobBackoffMs } = this.config.invoicing;
        return { jobId, attempts: jobAttempts, backoff: { type: 'exponential', delay: jobBackoffMs } };
    }
    async generate(periods) {
        if (!periods.length)
            return;
        await this.queue.addBulk(periods.map((p) => ({
            name: invoicing_jobs_1.INVOICING_JOBS.generate,
            data: {
                tenantId: p.tenantId,
                subscriptionId: p.subscriptionId,
                customerId: p.customerId,
                periodStart: p.periodStart.toISOString(),
                periodEnd: p.periodEnd.toISOString(),
            },
            opts: this.opts((0, invoicing_jobs_1.generateJobId)(p.subscriptionId, p.periodStart)),
        })));
    }
    async finalize(invoices) {
        if (!invoices.length)
            return;
        await this.queue.addBulk(invoices.map((i) => ({
            name: invoicing_jobs_1.INVOICING_JOBS.finalize,
            data: { tenantId: i.tenantId, invoiceId: i.id },
            opts: this.opts((0, invoicing_jobs_1.finalizeJobId)(i.id)),
        })));
    }
};
exports.InvoiceJobQueue = InvoiceJobQueue;
exports.InvoiceJobQueue = InvoiceJobQueue = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.invoicing)),
    __metadata("design:paramtypes", [bullmq_2.Queue,
        app_config_1.AppConfig])
], InvoiceJobQueue);
//# sourceMappingURL=invoice-job-queue.js.map