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
exports.OutboundWebhooksProcessor = void 0;
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const nestjs_cls_1 = require("nestjs-cls");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const queue_names_1 = require("../../../shared/queue/queue-names");
const delivery_backoff_1 = require("../domain/delivery-backoff");
const deliver_webhook_use_case_1 = require("../application/deliver-webhook.use-case");
const backoffStrategy = (attemptsMade, _type, _err, job) => {
    const base = job?.opts.backoff?.delay ?? 60_000;
    const cap = job?.data?.maxBackoffMs ?? 6 * 3600_000;
    return (0, delivery_backoff_1.deliveryBackoffMs)(attemptsMade, base, cap);
};
let OutboundWebhooksProcessor = class OutboundWebhooksProcessor extends bullmq_1.WorkerHost {
    deliver;
    constructor(deliver) {
        super();
        this.deliver = deliver;
    }
    async process(job) {
        const isLast = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        await this.deliver.execute((0, tenant_id_1.asTenantId)(job.data.tenantId), job.data.deliveryId, isLast);
    }
};
exports.OutboundWebhooksProcessor = OutboundWebhooksProcessor;
__decorate([
    (0, nestjs_cls_1.UseCls)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [bullmq_2.Job]),
    __metadata("design:returntype", Promise)
], OutboundWebhooksProcessor.prototype, "process", null);
exports.OutboundWebhooksProcessor = OutboundWebhooksProcessor = __decorate([
    (0, bullmq_1.Processor)(queue_names_1.QUEUES.outboundWebhooks, { concurrency: 20, settings: { backoffStrategy } }),
    __metadata("design:paramtypes", [deliver_webhook_use_case_1.DeliverWebhook])
], OutboundWebhooksProcessor);
//# sourceMappingURL=outbound-webhooks.processor.js.map