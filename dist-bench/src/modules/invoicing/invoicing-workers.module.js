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
exports.InvoicingWorkersModule = exports.InvoicingSchedules = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const app_config_1 = require("../../config/app-config");
const queue_names_1 = require("../../shared/queue/queue-names");
const invoicing_jobs_1 = require("./application/invoicing-jobs");
const invoicing_processor_1 = require("./adapters/invoicing.processor");
const invoicing_module_1 = require("./invoicing.module");
let InvoicingSchedules = class InvoicingSchedules {
    queue;
    config;
    constructor(queue, config) {
        this.queue = queue;
        this.config = config;
    }
    async onApplicationBootstrap() {
        await this.schedule('invoice-run', this.config.invoicing.runCron, invoicing_jobs_1.INVOICING_JOBS.scheduleRun);
        await this.schedule('invoice-overdue', this.config.invoicing.overdueCron, invoicing_jobs_1.INVOICING_JOBS.markOverdue);
    }
    async schedule(id, pattern, name) {
        if (pattern === 'off') {
            await this.queue.removeJobScheduler(id);
            return;
        }
        await this.queue.upsertJobScheduler(id, { pattern, tz: 'UTC' }, { name, opts: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } } });
    }
};
exports.InvoicingSchedules = InvoicingSchedules;
exports.InvoicingSchedules = InvoicingSchedules = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.invoicing)),
    __metadata("design:paramtypes", [bullmq_2.Queue,
        app_config_1.AppConfig])
], InvoicingSchedules);
let InvoicingWorkersModule = class InvoicingWorkersModule {
};
exports.InvoicingWorkersModule = InvoicingWorkersModule;
exports.InvoicingWorkersModule = InvoicingWorkersModule = __decorate([
    (0, common_1.Module)({
        imports: [invoicing_module_1.InvoicingModule],
        providers: [invoicing_processor_1.InvoicingProcessor, invoicing_processor_1.OutcomeVerificationProcessor, InvoicingSchedules],
    })
], InvoicingWorkersModule);
//# sourceMappingURL=invoicing-workers.module.js.map