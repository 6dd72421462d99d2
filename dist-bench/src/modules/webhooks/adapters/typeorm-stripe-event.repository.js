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
exports.TypeOrmStripeEventRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const ids_1 = require("../../../shared/domain/ids");
const stripe_event_repository_port_1 = require("../domain/stripe-event.repository.port");
const sql_rows_1 = require("./sql-rows");
let TypeOrmStripeEventRepository = class TypeOrmStripeEventRepository extends stripe_event_repository_port_1.StripeEventRepository {
    txHost;
    constructor(txHost) {
        super();
        this.txHost = txHost;
    }
    q(sql, params) {
        return (0, sql_rows_1.queryRows)(this.txHost.tx, sql, params);
    }
    async insert(event, tenantId) {
        const rows = await this.q(`INSERT INTO stripe_events (id, stripe_event_id, tenant_id, type, event_created, payload)
       VALUES ($1,$2,$3,$4,to_timestamp($5),$6) ON CONFLICT (stripe_event_id) DO NOTHING RETURNING id`, [(0, ids_1.newId)(), event.id, tenantId, event.type, event.created, JSON.stringify(event)]);
        return rows.length > 0;
    }
    async lockForProcessing(stripeEventId) {
        const rows = await this.q(`SELECT * FROM stripe_events WHERE stripe_event_id = $1 FOR UPDATE`, [
            stripeEventId,
        ]);
        const r = rows[0];
        if (!r)
            return null;
        return {
            id: r.id,
            stripeEventId: r.stripe_event_id,
            type: r.type,
            tenantId: r.tenant_id ?? null,
            eventCreated: r.event_created,
            payload: r.payload,
            status: r.status,
        };
    }
    async finish(stripeEventId, status, tenantId, error) {
        await this.q(`UPDATE stripe_events SET status = $2, tenant_id = COALESCE($3, tenant_id), error = $4, processed_at = now()
       WHERE stripe_event_id = $1`, [stripeEventId, status, tenantId, error ?? null]);
    }
    async advanceObjectState(s) {
        const rows = await this.q(`INSERT INTO stripe_object_states
         (object_id, tenant_id, object_type, status, status_rank, object_created, event_created)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (object_id) DO UPDATE SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
         event_created = EXCLUDED.event_created
       WHERE stripe_object_states.tenant_id = EXCLUDED.tenant_id AND (
         EXCLUDED.status_rank > stripe_object_states.status_rank OR
         (EXCLUDED.status_rank = stripe_object_states.status_rank
          AND EXCLUDED.event_created >= stripe_object_states.event_created))
       RETURNING object_id`, [s.objectId, s.tenantId, s.objectType, s.status, s.rank, s.objectCreated, s.eventCreated]);
        return rows.length > 0;
    }
};
exports.TypeOrmStripeEventRepository = TypeOrmStripeEventRepository;
exports.TypeOrmStripeEventRepository = TypeOrmStripeEventRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmStripeEventRepository);
//# sourceMappingURL=typeorm-stripe-event.repository.js.map