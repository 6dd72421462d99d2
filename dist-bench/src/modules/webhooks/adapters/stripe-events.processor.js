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
exports.StripeEventsProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const nestjs_cls_1 = require("nestjs-cls");
const queue_names_1 = require("../../../shared/queue/queue-names");
const record_failed_job_use_case_1 = require("../../invoicing/application/record-failed-job.use-case");
const process_stripe_event_use_case_1 = require("../application/process-stripe-event.use-case");
const stripe_event_repository_port_1 = require("../domain/stripe-event.repository.port");
let StripeEventsProcessor = class StripeEventsProcessor extends bullmq_1.WorkerHost {
    processEvent;
    events;
    recordFailedJob;
    constructor(processEvent, events, recordFailedJob) {
        super();
        this.processEvent = processEvent;
        this.events = events;
        this.recordFailedJob = recordFailedJob;
    }
    async process(job) {
        return this.processEvent.execute(job.data.stripeEventId);
    }
    async onFailed(job, error) {
        if (!job)
            return;
        const dead = await this.recordFailedJob.execute({
            queue: queue_names_1.QUEUES.stripeEvents,
            name: job.name,
            id: job.id,
            data: job.data,
            attemptsMade: job.attemptsMade,
            maxAttempts: job.opts.attempts ?? 1,
        }, error);
        if (dead)
            await this.events.finish(job.data.stripeEventId, 'failed', job.data.tenantId, error.message.slice(0, 2000));
    }
};
exports.StripeEventsProcessor = StripeEventsProcessor;
__decorate([
    (0, nestjs_cls_1.UseCls)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [bullmq_2.Job]),
    __metadata("design:returntype", Promise)
], StripeEventsProcessor.prototype, "process", null);
__decorate([
    (0, bullmq_1.OnWorkerEvent)('failed'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Error]),
    __metadata("design:returntype", Promise)
], StripeEventsProcessor.prototype, "onFailed", null);
exports.StripeEventsProcessor = StripeEventsProcessor = __decorate([
    (0, bullmq_1.Processor)(queue_names_1.QUEUES.stripeEvents, { concurrency: 10 }),
    __metadata("design:paramtypes", [process_stripe_event_use_case_1.ProcessStripeEvent,
        stripe_event_repository_port_1.StripeEventRepository,
        record_failed_job_use_case_1.RecordFailedJob])
], StripeEventsProcessor);
//# sourceMappingURL=stripe-events.processor.js.map