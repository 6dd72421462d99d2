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
exports.ReceiveStripeEvent = exports.PROCESS_STRIPE_EVENT_JOB = void 0;
const common_1 = require("@nestjs/common");
const bullmq_1 = require("@nestjs/bullmq");
const bullmq_2 = require("bullmq");
const ids_1 = require("../../../shared/domain/ids");
const queue_names_1 = require("../../../shared/queue/queue-names");
const stripe_event_1 = require("../domain/stripe-event");
const stripe_event_repository_port_1 = require("../domain/stripe-event.repository.port");
exports.PROCESS_STRIPE_EVENT_JOB = 'process-stripe-event';
let ReceiveStripeEvent = class ReceiveStripeEvent {
    events;
    queue;
    constructor(events, queue) {
        this.events = events;
        this.queue = queue;
    }
    async execute(event) {
        const tenant = (0, stripe_event_1.tenantOfStripeObject)(event.data.object);
        const tenantId = tenant && (0, ids_1.isUuid)(tenant) ? tenant : null;
        const stored = await this.events.insert(event, tenantId);
        await this.queue.add(exports.PROCESS_STRIPE_EVENT_JOB, { stripeEventId: event.id, tenantId }, { jobId: `stripe_${event.id}`, attempts: 8, backoff: { type: 'exponential', delay: 2000 } });
        return { duplicate: !stored };
    }
};
exports.ReceiveStripeEvent = ReceiveStripeEvent;
exports.ReceiveStripeEvent = ReceiveStripeEvent = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, bullmq_1.InjectQueue)(queue_names_1.QUEUES.stripeEvents)),
    __metadata("design:paramtypes", [stripe_event_repository_port_1.StripeEventRepository,
        bullmq_2.Queue])
], ReceiveStripeEvent);
//# sourceMappingURL=receive-stripe-event.use-case.js.map