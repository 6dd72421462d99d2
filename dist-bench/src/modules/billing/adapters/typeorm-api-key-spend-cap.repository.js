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
exports.TypeOrmApiKeySpendCapRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const ids_1 = require("../../../shared/domain/ids");
const api_key_spend_cap_1 = require("../domain/api-key-spend-cap");
const sql_1 = require("./sql");
let TypeOrmApiKeySpendCapRepository = class TypeOrmApiKeySpendCapRepository extends api_key_spend_cap_1.ApiKeySpendCapRepository {
    t;
    constructor(t) {
        super();
        this.t = t;
    }
    async apiKeyExists(tenantId, apiKeyId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT 1 FROM api_keys WHERE tenant_id = $1 AND id = $2`, [
            tenantId,
            apiKeyId,
        ]);
        return rows.length > 0;
    }
    async upsert(tenantId, cap) {
        await (0, sql_1.sql)(this.t, `INSERT INTO api_key_spend_caps (id, tenant_id, api_key_id, amount, currency) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (tenant_id, api_key_id) DO UPDATE SET amount = EXCLUDED.amount, currency = EXCLUDED.currency`, [(0, ids_1.newId)(), tenantId, cap.apiKeyId, cap.amount, cap.currency]);
    }
    async find(tenantId, apiKeyId) {
        const [row] = await (0, sql_1.sql)(this.t, `SELECT * FROM api_key_spend_caps WHERE tenant_id = $1 AND api_key_id = $2`, [tenantId, apiKeyId]);
        return row
            ? { apiKeyId: row.api_key_id, amount: (0, sql_1.num)(row.amount), currency: row.currency }
            : null;
    }
    async delete(tenantId, apiKeyId) {
        const rows = await (0, sql_1.sql)(this.t, `DELETE FROM api_key_spend_caps WHERE tenant_id = $1 AND api_key_id = $2 RETURNING id`, [tenantId, apiKeyId]);
        return rows.length > 0;
    }
};
exports.TypeOrmApiKeySpendCapRepository = TypeOrmApiKeySpendCapRepository;
exports.TypeOrmApiKeySpendCapRepository = TypeOrmApiKeySpendCapRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmApiKeySpendCapRepository);
//# sourceMappingURL=typeorm-api-key-spend-cap.repository.js.map