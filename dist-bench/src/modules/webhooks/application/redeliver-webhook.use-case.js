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
exports.RedeliverWebhook = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const app_config_1 = require("../../../config/app-config");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const queue_names_1 = require("../../../shared/queue/queue-names");
const webhook_repository_port_1 = require("../domain/webhook.repository.port");
const webhook_jobs_1 = require("./webhook-jobs");
let RedeliverWebhook = class RedeliverWebhook {
    deliveries;
    queue;
    config;
    clock;
    constructor(deliveries, queue, config, clock) {
        this.deliveries = deliveries;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }
    async execute(tenantId, endpointId, deliveryId) {
        const delivery = await this.deliveries.find(tenantId, deliveryId);
        if (!delivery || delivery.endpointId !== endpointId)
            throw new domain_error_1.NotFoundError('Webhook delivery', deliveryId);
        await this.deliveries.markPending(tenantId, deliveryId);
        const cfg = this.config.webhooks;
        await this.queue.add(webhook_jobs_1.DELIVER_WEBHOOK_JOB, { tenantId, deliveryId, maxBackoffMs: cfg.backoffMaxMs }, (0, webhook_jobs_1.deliveryJobOptions)(`rdl_${deliveryId}_${this.clock.now().getTime()}`, cfg));
        return { ...delivery, status: 'pending' };
    }
};
exports.RedeliverWebhook = RedeliverWebhook;
exports.RedeliverWebhook = RedeliverWebhook = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.outboundWebhooks)),
    __metadata("design:paramtypes", [webhook_repository_port_1.WebhookDeliveryRepository,
        bullmq_2.Queue,
        app_config_1.AppConfig,
        clock_port_1.Clock])
], RedeliverWebhook);
//# sourceMappingURL=redeliver-webhook.use-case.js.map