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
exports.UpdateWebhookEndpoint = exports.CreateWebhookEndpoint = void 0;
const common_1 = require("@nestjs/common");
const node_crypto_1 = require("node:crypto");
const webhook_events_1 = require("../../../shared/contracts/webhook-events");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const webhook_repository_port_1 = require("../domain/webhook.repository.port");
const webhook_sender_port_1 = require("../domain/webhook-sender.port");
const KNOWN_TYPES = new Set([...webhook_events_1.WEBHOOK_EVENT_TYPES, '*']);
function checkEventTypes(types) {
    const unknown = types.filter((t) => !KNOWN_TYPES.has(t));
    if (unknown.length)
        throw new domain_error_1.InvalidError('unknown_event_type', `Unknown event type(s): ${unknown.join(', ')}`, [
            { field: 'eventTypes', message: `allowed: ${[...KNOWN_TYPES].join(', ')}` },
        ]);
}
async function checkUrl(sender, url) {
    const problem = await sender.checkUrl(url);
    if (problem)
        throw new domain_error_1.InvalidError('webhook_url_refused', problem, [{ field: 'url', message: problem }]);
}
let CreateWebhookEndpoint = class CreateWebhookEndpoint {
    endpoints;
    sender;
    constructor(endpoints, sender) {
        this.endpoints = endpoints;
        this.sender = sender;
    }
    async execute(tenantId, input) {
        checkEventTypes(input.eventTypes);
        await checkUrl(this.sender, input.url);
        const endpoint = {
            id: (0, ids_1.newId)(),
            tenantId,
            url: input.url,
            description: input.description ?? null,
            eventTypes: [...new Set(input.eventTypes)],
            secret: input.secret ?? `whsec_${(0, node_crypto_1.randomBytes)(24).toString('base64url')}`,
            enabled: true,
            createdAt: new Date(),
        };
        await this.endpoints.insert(endpoint);
        return endpoint;
    }
};
exports.CreateWebhookEndpoint = CreateWebhookEndpoint;
exports.CreateWebhookEndpoint = CreateWebhookEndpoint = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [webhook_repository_port_1.WebhookEndpointRepository,
        webhook_sender_port_1.WebhookSender])
], CreateWebhookEndpoint);
let UpdateWebhookEndpoint = class UpdateWebhookEndpoint {
    endpoints;
    sender;
    constructor(endpoints, sender) {
        this.endpoints = endpoints;
        this.sender = sender;
    }
    async execute(tenantId, id, patch) {
        if (patch.eventTypes)
            checkEventTypes(patch.eventTypes);
        if (patch.url)
            await checkUrl(this.sender, patch.url);
        const changed = await this.endpoints.update(tenantId, id, patch);
        const endpoint = changed ? await this.endpoints.find(tenantId, id) : null;
        if (!endpoint)
            throw new domain_error_1.NotFoundError('Webhook endpoint', id);
        return endpoint;
    }
};
exports.UpdateWebhookEndpoint = UpdateWebhookEndpoint;
exports.UpdateWebhookEndpoint = UpdateWebhookEndpoint = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [webhook_repository_port_1.WebhookEndpointRepository,
        webhook_sender_port_1.WebhookSender])
], UpdateWebhookEndpoint);
//# sourceMappingURL=manage-webhook-endpoints.use-case.js.map