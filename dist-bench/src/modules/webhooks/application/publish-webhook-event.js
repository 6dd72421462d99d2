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
exports.PublishWebhookEvent = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const transactional_1 = require("@nestjs-cls/transactional");
const bullmq_2 = require("bullmq");
const app_config_1 = require("../../../config/app-config");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const ids_1 = require("../../../shared/domain/ids");
const queue_names_1 = require("../../../shared/queue/queue-names");
const webhook_repository_port_1 = require("../domain/webhook.repository.port");
const webhook_jobs_1 = require("./webhook-jobs");
let PublishWebhookEvent = class PublishWebhookEvent extends webhook_events_1.WebhookEvents {
    endpoints;
    deliveries;
    queue;
    config;
    txHost;
    constructor(endpoints, deliveries, queue, config, txHost) {
        super();
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.queue = queue;
        this.config = config;
        this.txHost = txHost;
    }
    async publish(tenantId, type, payload) {
        const targets = await this.endpoints.subscribedTo(tenantId, type);
        if (!targets.length)
            return;
        const eventId = (0, ids_1.newId)();
        const rows = targets.map((endpoint) => ({
            id: (0, ids_1.newId)(),
            tenantId,
            endpointId: endpoint.id,
            eventId,
            eventType: type,
            payload,
            status: 'pending',
            attempts: 0,
            lastStatusCode: null,
            lastError: null,
            deliveredAt: null,
            createdAt: new Date(),
        }));
        await this.deliveries.insertMany(rows);
        const cfg = this.config.webhooks;
        const delay = this.txHost.isTransactionActive() ? 1000 : 0;
        await this.queue.addBulk(rows.map((d) => ({
            name: webhook_jobs_1.DELIVER_WEBHOOK_JOB,
            data: { tenantId, deliveryId: d.id, maxBackoffMs: cfg.backoffMaxMs },
            opts: { ...(0, webhook_jobs_1.deliveryJobOptions)(`dlv_${d.id}`, cfg), delay },
        })));
    }
};
exports.PublishWebhookEvent = PublishWebhookEvent;
exports.PublishWebhookEvent = PublishWebhookEvent = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.outboundWebhooks)),
    __metadata("design:paramtypes", [webhook_repository_port_1.WebhookEndpointRepository,
        webhook_repository_port_1.WebhookDeliveryRepository,
        bullmq_2.Queue,
        app_config_1.AppConfig,
        transactional_1.TransactionHost])
], PublishWebhookEvent);
//# sourceMappingURL=publish-webhook-event.js.map