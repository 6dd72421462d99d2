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
exports.SqlUsageStore = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const usage_record_1 = require("../domain/usage-record");
let SqlUsageStore = class SqlUsageStore extends usage_record_1.UsageStore {
    db;
    constructor(db) {
        super();
        this.db = db;
    }
    async insert(records) {
        if (!records.length)
            return;
        const col = (k) => records.map((r) => r[k]);
        await this.db.query(`INSERT INTO llm_usage (id, tenant_id, agent_id, conversation_id, api_key_id, user_id, customer_id,
         customer_external_id, endpoint, provider, model, prompt_tokens, completion_tokens, cost, currency,
         latency_ms, status, error_code, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::numeric[], $15::text[],
         $16::int[], $17::text[], $18::text[], $19::timestamptz[])
       ON CONFLICT (id) DO NOTHING`, [
            col('id'),
            col('tenantId'),
            col('agentId'),
            col('conversationId'),
            col('apiKeyId'),
            col('userId'),
            records.map((r) => r.customer?.id ?? null),
            records.map((r) => r.customer?.externalId ?? null),
            col('endpoint'),
            col('provider'),
            col('model'),
            col('promptTokens'),
            col('completionTokens'),
            col('cost'),
            col('currency'),
            col('latencyMs'),
            col('status'),
            col('errorCode'),
            col('occurredAt'),
        ]);
    }
};
exports.SqlUsageStore = SqlUsageStore;
exports.SqlUsageStore = SqlUsageStore = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource])
], SqlUsageStore);
//# sourceMappingURL=sql-usage-store.js.map