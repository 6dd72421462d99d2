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
exports.TypeOrmCustomerRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const customer_1 = require("../domain/customer");
const sql_1 = require("./sql");
const COLS = `id, tenant_id, external_id, name, email, currency, timezone, tax_rate, stripe_customer_id,
  billing_address, spend_cap, prepaid_only, created_at, updated_at`;
const toDomain = (r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    externalId: r.external_id,
    name: r.name,
    email: r.email,
    currency: r.currency,
    timezone: r.timezone,
    taxRate: (0, sql_1.num)(r.tax_rate),
    stripeCustomerId: r.stripe_customer_id,
    billingAddress: r.billing_address,
    spendCap: (0, sql_1.num)(r.spend_cap),
    prepaidOnly: r.prepaid_only,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
});
const PATCH_COLUMNS = {
    externalId: 'external_id',
    name: 'name',
    email: 'email',
    currency: 'currency',
    timezone: 'timezone',
    taxRate: 'tax_rate',
    billingAddress: 'billing_address',
    spendCap: 'spend_cap',
    prepaidOnly: 'prepaid_only',
    stripeCustomerId: 'stripe_customer_id',
};
let TypeOrmCustomerRepository = class TypeOrmCustomerRepository extends customer_1.CustomerRepository {
    t;
    constructor(t) {
        super();
        this.t = t;
    }
    async insert(c) {
        const rows = await (0, sql_1.sql)(this.t, `INSERT INTO customers (id, tenant_id, external_id, name, email, currency, timezone, tax_rate,
         stripe_customer_id, billing_address, spend_cap, prepaid_only)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id`, [
            c.id,
            c.tenantId,
            c.externalId,
            c.name,
            c.email,
            c.currency,
            c.timezone,
            c.taxRate,
            c.stripeCustomerId,
            c.billingAddress ? JSON.stringify(c.billingAddress) : null,
            c.spendCap,
            c.prepaidOnly,
        ]);
        return rows.length > 0;
    }
    async find(tenantId, id) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${COLS} FROM customers WHERE tenant_id = $1 AND id = $2`, [
            tenantId,
            id,
        ]);
        return rows[0] ? toDomain(rows[0]) : null;
    }
    async findByRef(tenantId, ref) {
        if (ref.id)
            return this.find(tenantId, ref.id);
        if (!ref.externalId)
            return null;
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${COLS} FROM customers WHERE tenant_id = $1 AND external_id = $2`, [tenantId, ref.externalId]);
        return rows[0] ? toDomain(rows[0]) : null;
    }
    async list(tenantId, opts) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT ${COLS} FROM customers WHERE tenant_id = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3`, [tenantId, opts.limit, opts.offset]);
        return rows.map(toDomain);
    }
    async update(tenantId, id, patch) {
        const sets = [];
        const params = [tenantId, id];
        for (const [key, column] of Object.entries(PATCH_COLUMNS)) {
            const value = patch[key];
            if (value === undefined)
                continue;
            params.push(key === 'billingAddress' && value !== null ? JSON.stringify(value) : value);
            sets.push(`${column} = $${params.length}`);
        }
        if (!sets.length)
            return this.find(tenantId, id);
        const rows = await (0, sql_1.sql)(this.t, `UPDATE customers SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2 RETURNING ${COLS}`, params);
        return rows[0] ? toDomain(rows[0]) : null;
    }
    async delete(tenantId, id) {
        const rows = await (0, sql_1.sql)(this.t, `DELETE FROM customers WHERE tenant_id = $1 AND id = $2 RETURNING id`, [
            tenantId,
            id,
        ]);
        return rows.length > 0;
    }
    async resolveForIngest(tenantId, ids, externalIds) {
        const rows = await (0, sql_1.sql)(this.t, `SELECT c.id, c.external_id,
              (SELECT min(s.current_period_start) FROM subscriptions s
                WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND NOT s.closed) AS open_period_start
         FROM customers c
        WHERE c.tenant_id = $1 AND (c.id = ANY($2::uuid[]) OR c.external_id = ANY($3::text[]))`, [tenantId, ids, externalIds]);
        return rows.map((r) => ({ id: r.id, externalId: r.external_id, openPeriodStart: r.open_period_start }));
    }
};
exports.TypeOrmCustomerRepository = TypeOrmCustomerRepository;
exports.TypeOrmCustomerRepository = TypeOrmCustomerRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], TypeOrmCustomerRepository);
//# sourceMappingURL=typeorm-customer.repository.js.map