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
exports.TypeOrmWebhookDeliveryRepository = exports.TypeOrmWebhookEndpointRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const ids_1 = require("../../../shared/domain/ids");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const webhook_repository_port_1 = require("../domain/webhook.repository.port");
const sql_rows_1 = require("./sql-rows");
const toEndpoint = (r) => ({
    id: r.id,
    tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id),
    url: r.url,
    description: r.description ?? null,
    eventTypes: r.event_types,
    secret: r.secret,
    enabled: r.enabled,
    createdAt: r.created_at,
});
const toDelivery = (r) => ({
    id: r.id,
    tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id),
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.event_type,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code ?? null,
    lastError: r.last_error ?? null,
    deliveredAt: r.delivered_at ?? null,
    createdAt: r.created_at,
});
let TypeOrmWebhookEndpointRepository = class TypeOrmWebhookEndpointRepository extends webhook_repository_port_1.WebhookEndpointRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    q(sql, params) {
        return (0, sql_rows_1.queryRows)(this.txHost.tx, sql, params);
    }
    async insert(e) {
        await this.q(`INSERT INTO webhook_endpoints (id, tenant_id, url, description, event_types, secret, enabled)
       VALUES ($1,$2,$3,$4,$5,$6,$7)`, [e.id, e.tenantId, e.url, e.description, e.eventTypes, e.secret, e.enabled]);
    }
    async find(tenantId, id) {
        const rows = await this.q(`SELECT * FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`, [
            tenantId,
            id,
        ]);
        return rows[0] ? toEndpoint(rows[0]) : null;
    }
    async list(tenantId) {
        const rows = await this.q(`SELECT * FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
        return rows.map(toEndpoint);
    }
    async update(tenantId, id, patch) {
        const rows = await this.q(`UPDATE webhook_endpoints SET
         url = COALESCE($3, url), description = COALESCE($4, description),
         event_types = COALESCE($5, event_types), enabled = COALESCE($6, enabled)
       WHERE tenant_id = $1 AND id = $2 RETURNING id`, [
            tenantId,
            id,
            patch.url ?? null,
            patch.description ?? null,
            patch.eventTypes ?? null,
            patch.enabled ?? null,
        ]);
        return rows.length > 0;
    }
    async delete(tenantId, id) {
        const rows = await this.q(`DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 RETURNING id`, [
            tenantId,
            id,
        ]);
        return rows.length > 0;
    }
    async subscribedTo(tenantId, eventType) {
        const rows = await this.q(`SELECT * FROM webhook_endpoints
       WHERE tenant_id = $1 AND enabled AND ($2 = ANY(event_types) OR '*' = ANY(event_types))`, [tenantId, eventType]);
        return rows.map(toEndpoint);
    }
};
exports.TypeOrmWebhookEndpointRepository = TypeOrmWebhookEndpointRepository;
exports.TypeOrmWebhookEndpointRepository = TypeOrmWebhookEndpointRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmWebhookEndpointRepository);
let TypeOrmWebhookDeliveryRepository = class TypeOrmWebhookDeliveryRepository extends webhook_repository_port_1.WebhookDeliveryRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    q(sql, params) {
        return (0, sql_rows_1.queryRows)(this.txHost.tx, sql, params);
    }
    async insertMany(deliveries) {
        if (!deliveries.length)
            return;
        await this.q(`INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::jsonb[])
       ON CONFLICT (endpoint_id, event_id) DO NOTHING`, [
            deliveries.map((d) => d.id),
            deliveries.map((d) => d.tenantId),
            deliveries.map((d) => d.endpointId),
            deliveries.map((d) => d.eventId),
            deliveries.map((d) => d.eventType),
            deliveries.map((d) => JSON.stringify(d.payload)),
        ]);
    }
    async find(tenantId, id) {
        const rows = await this.q(`SELECT * FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2`, [
            tenantId,
            id,
        ]);
        return rows[0] ? toDelivery(rows[0]) : null;
    }
    async listForEndpoint(tenantId, endpointId, limit) {
        const rows = await this.q(`SELECT * FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2
       ORDER BY created_at DESC, id LIMIT $3`, [tenantId, endpointId, limit]);
        return rows.map(toDelivery);
    }
    async attempts(tenantId, deliveryId) {
        const rows = await this.q(`SELECT * FROM webhook_delivery_attempts WHERE tenant_id = $1 AND delivery_id = $2 ORDER BY attempt`, [tenantId, deliveryId]);
        return rows.map((r) => ({
            attempt: r.attempt,
            statusCode: r.status_code ?? null,
            error: r.error ?? null,
            responseBody: r.response_body ?? null,
            durationMs: r.duration_ms,
            createdAt: r.created_at,
        }));
    }
    async recordAttempt(tenantId, deliveryId, a, outcome) {
        await this.q(`WITH d AS (
         UPDATE webhook_deliveries SET attempts = attempts + 1, status = $3, last_status_code = $4,
           last_error = $5, delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END
         WHERE tenant_id = $1 AND id = $2 RETURNING attempts)
       INSERT INTO webhook_delivery_attempts
         (id, tenant_id, delivery_id, attempt, status_code, error, response_body, duration_ms)
       SELECT $6, $1, $2, d.attempts, $4, $5, $7, $8 FROM d`, [tenantId, deliveryId, outcome, a.statusCode, a.error, (0, ids_1.newId)(), a.responseBody, a.durationMs]);
    }
    async markPending(tenantId, deliveryId) {
        await this.q(`UPDATE webhook_deliveries SET status = 'pending' WHERE tenant_id = $1 AND id = $2`, [
            tenantId,
            deliveryId,
        ]);
    }
};
exports.TypeOrmWebhookDeliveryRepository = TypeOrmWebhookDeliveryRepository;
exports.TypeOrmWebhookDeliveryRepository = TypeOrmWebhookDeliveryRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmWebhookDeliveryRepository);
//# sourceMappingURL=typeorm-webhook.repository.js.map