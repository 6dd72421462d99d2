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
exports.TypeOrmCreditRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const ids_1 = require("../../../shared/domain/ids");
const credit_repository_port_1 = require("../domain/credit.repository.port");
const sql_1 = require("./sql");
const entryToDomain = (r) => ({
    id: r.id,
    kind: r.kind,
    amount: (0, sql_1.num)(r.amount),
    grantId: r.grant_id,
    expiresAt: r.expires_at,
    reference: r.reference,
    description: r.description,
    createdAt: r.created_at,
});
let TypeOrmCreditRepository = class TypeOrmCreditRepository extends credit_repository_port_1.CreditRepository {
    t;
    constructor(t) {
        super();
        this.t = t;
    }
    async ensureWallet(tenantId, customerId, currency) {
        await (0, sql_1.sql)(this.t, `INSERT INTO credit_wallets (id, tenant_id, customer_id, currency) VALUES ($1,$2,$3,$4)
       ON CONFLICT (tenant_id, customer_id) DO NOTHING`, [(0, ids_1.newId)(), tenantId, customerId, currency]);
        const [w] = await (0, sql_1.sql)(this.t, `SELECT id, currency FROM credit_wallets WHERE tenant_id = $1 AND customer_id = $2`, [tenantId, customerId]);
        return { id: w.id, currency: w.currency };
    }
    async lockWallet(tenantId, customerId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT id, currency FROM credit_wallets WHERE tenant_id = $1 AND customer_id = $2 FOR UPDATE`, [tenantId, customerId]);
        return rows[0] ? { id: rows[0].id, currency: rows[0].currency } : null;
    }
    async insertGrant(tenantId, walletId, e) {
        const rows = await (0, sql_1.sql)(this.t, `INSERT INTO credit_ledger (id, tenant_id, wallet_id, kind, amount, expires_at, reference, description)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (tenant_id, reference) WHERE kind <> 'debit' AND reference IS NOT NULL DO NOTHING RETURNING id`, [e.id, tenantId, walletId, e.kind, e.amount, e.expiresAt, e.reference, e.description]);
        return rows.length > 0;
    }
    async insertDebits(tenantId, walletId, entries) {
        for (const e of entries) {
            await (0, sql_1.sql)(this.t, `INSERT INTO credit_ledger (id, tenant_id, wallet_id, kind, amount, grant_id, reference, description)
         VALUES ($1,$2,$3,'debit',$4,$5,$6,$7)`, [e.id, tenantId, walletId, e.amount, e.grantId, e.reference, e.description]);
        }
    }
    async grantsRemaining(tenantId, walletId) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT g.id, g.expires_at, g.created_at, g.amount + coalesce(sum(d.amount), 0) AS remaining
         FROM credit_ledger g LEFT JOIN credit_ledger d ON d.grant_id = g.id
        WHERE g.tenant_id = $1 AND g.wallet_id = $2 AND g.kind <> 'debit'
        GROUP BY g.id`, [tenantId, walletId]);
        return rows.map((r) => ({
            id: r.id,
            remaining: (0, sql_1.num)(r.remaining),
            expiresAt: r.expires_at,
            createdAt: r.created_at,
        }));
    }
    async balance(tenantId, customerId, at) {
        const [row] = await (0, sql_1.sql)(this.t, `SELECT coalesce(sum(greatest(g.amount + coalesce(d.spent, 0), 0)), 0) AS balance
         FROM credit_wallets w
         JOIN credit_ledger g ON g.wallet_id = w.id AND g.kind <> 'debit'
         LEFT JOIN LATERAL (SELECT sum(amount) AS spent FROM credit_ledger WHERE grant_id = g.id) d ON true
        WHERE w.tenant_id = $1 AND w.customer_id = $2 AND (g.expires_at IS NULL OR g.expires_at > $3)`, [tenantId, customerId, at]);
        return (0, sql_1.num)(row.balance) ?? '0';
    }
    async ledger(tenantId, customerId, limit) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT l.* FROM credit_ledger l JOIN credit_wallets w ON w.id = l.wallet_id
        WHERE l.tenant_id = $1 AND w.customer_id = $2 ORDER BY l.created_at DESC, l.id LIMIT $3`, [tenantId, customerId, limit]);
        return rows.map(entryToDomain);
    }
};
exports.TypeOrmCreditRepository = TypeOrmCreditRepository;
exports.TypeOrmCreditRepository = TypeOrmCreditRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmCreditRepository);
//# sourceMappingURL=typeorm-credit.repository.js.map