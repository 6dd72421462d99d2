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
exports.TypeOrmVerificationRuleRepository = exports.TypeOrmFailedJobRepository = exports.TypeOrmInvoiceRunRepository = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const ids_1 = require("../../../shared/domain/ids");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const sql_rows_1 = require("./sql-rows");
let Sql = class Sql {
    txHost;
    constructor(txHost) {
        this.txHost = txHost;
    }
    q(sql, params) {
        return (0, sql_rows_1.queryRows)(this.txHost.tx, sql, params);
    }
};
Sql = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [transactional_1.TransactionHost])
], Sql);
let TypeOrmInvoiceRunRepository = class TypeOrmInvoiceRunRepository extends Sql {
    async insert(run) {
        await this.q(`INSERT INTO invoice_runs (id, tenant_id, as_of) VALUES ($1,$2,$3)`, [
            run.id,
            run.tenantId,
            run.asOf,
        ]);
    }
    async find(tenantId, id) {
        const rows = await this.q(`SELECT r.*, p.total, p.done, p.failed
       FROM invoice_runs r, LATERAL (
         SELECT count(*)::int AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM invoices v
             WHERE v.subscription_id = i.subscription_id AND v.period_start = i.period_start))::int AS done,
           count(*) FILTER (WHERE i.status = 'failed' AND NOT EXISTS (SELECT 1 FROM invoices v
             WHERE v.subscription_id = i.subscription_id AND v.period_start = i.period_start))::int AS failed
         FROM invoice_run_items i WHERE i.run_id = r.id) p
       WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, id]);
        const r = rows[0];
        if (!r)
            return null;
        return {
            id: r.id,
            tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id),
            asOf: r.as_of,
            expandedAt: r.expanded_at ?? null,
            jobsTotal: r.total,
            jobsDone: r.done,
            jobsFailed: r.failed,
            createdAt: r.created_at,
        };
    }
    async addItems(tenantId, runId, items) {
        if (!items.length)
            return;
        await this.q(`INSERT INTO invoice_run_items (run_id, tenant_id, subscription_id, period_start, status)
       SELECT $1, $2, u.sub, u.ps, 'queued'
       FROM unnest($3::uuid[], $4::timestamptz[]) AS u(sub, ps)
       ON CONFLICT DO NOTHING`, [runId, tenantId, items.map((i) => i.subscriptionId), items.map((i) => i.periodStart)]);
    }
    async markExpanded(tenantId, runId) {
        await this.q(`UPDATE invoice_runs SET expanded_at = now() WHERE tenant_id = $1 AND id = $2`, [
            tenantId,
            runId,
        ]);
    }
    async markFailed(item, error) {
        await this.q(`UPDATE invoice_run_items SET status = 'failed', error = $3 WHERE subscription_id = $1 AND period_start = $2`, [item.subscriptionId, item.periodStart, error]);
    }
};
exports.TypeOrmInvoiceRunRepository = TypeOrmInvoiceRunRepository;
exports.TypeOrmInvoiceRunRepository = TypeOrmInvoiceRunRepository = __decorate([
    (0, common_1.Injectable)()
], TypeOrmInvoiceRunRepository);
const toFailedJob = (r) => ({
    id: r.id,
    tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id),
    queue: r.queue,
    jobName: r.job_name,
    jobId: r.job_id,
    data: r.data,
    error: r.error,
    attempts: r.attempts,
    status: r.status,
    createdAt: r.created_at,
});
let TypeOrmFailedJobRepository = class TypeOrmFailedJobRepository extends Sql {
    async record(job) {
        await this.q(`INSERT INTO failed_jobs (id, tenant_id, queue, job_name, job_id, data, error, attempts)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (queue, job_id) DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, status = 'dead'`, [
            (0, ids_1.newId)(),
            job.tenantId,
            job.queue,
            job.jobName,
            job.jobId,
            JSON.stringify(job.data),
            job.error,
            job.attempts,
        ]);
    }
    async list(tenantId, q) {
        const params = [tenantId, q.limit];
        const where = ['tenant_id = $1'];
        if (q.status)
            where.push(`status = $${params.push(q.status)}`);
        if (q.queue)
            where.push(`queue = $${params.push(q.queue)}`);
        const rows = await this.q(`SELECT * FROM failed_jobs WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id LIMIT $2`, params);
        return rows.map(toFailedJob);
    }
    async find(tenantId, id) {
        const rows = await this.q(`SELECT * FROM failed_jobs WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
        return rows[0] ? toFailedJob(rows[0]) : null;
    }
    async markRetried(tenantId, id) {
        const rows = await this.q(`UPDATE failed_jobs SET status = 'retried' WHERE tenant_id = $1 AND id = $2 AND status = 'dead' RETURNING id`, [tenantId, id]);
        return rows.length > 0;
    }
};
exports.TypeOrmFailedJobRepository = TypeOrmFailedJobRepository;
exports.TypeOrmFailedJobRepository = TypeOrmFailedJobRepository = __decorate([
    (0, common_1.Injectable)()
], TypeOrmFailedJobRepository);
const toRule = (r) => ({
    id: r.id,
    tenantId: (0, tenant_id_1.asTenantId)(r.tenant_id),
    outcomeType: r.outcome_type,
    autoAcceptBelow: r.auto_accept_below === null ? null : String(r.auto_accept_below).replace(/\.?0+$/, ''),
    requiredEvidence: r.required_evidence,
    webhookUrl: r.webhook_url ?? null,
    webhookSecret: r.webhook_secret ?? null,
    disputeWindowHours: r.dispute_window_hours ?? null,
});
let TypeOrmVerificationRuleRepository = class TypeOrmVerificationRuleRepository extends Sql {
    async upsert(rule) {
        const rows = await this.q(`INSERT INTO outcome_verification_rules
         (id, tenant_id, outcome_type, auto_accept_below, required_evidence, webhook_url, webhook_secret,
          dispute_window_hours)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (tenant_id, outcome_type) DO UPDATE SET auto_accept_below = EXCLUDED.auto_accept_below,
         required_evidence = EXCLUDED.required_evidence, webhook_url = EXCLUDED.webhook_url,
         webhook_secret = EXCLUDED.webhook_secret, dispute_window_hours = EXCLUDED.dispute_window_hours
       RETURNING *`, [
            rule.id,
            rule.tenantId,
            rule.outcomeType,
            rule.autoAcceptBelow,
            rule.requiredEvidence,
            rule.webhookUrl,
            rule.webhookSecret,
            rule.disputeWindowHours,
        ]);
        return toRule(rows[0]);
    }
    async find(tenantId, outcomeType) {
        const rows = await this.q(`SELECT * FROM outcome_verification_rules WHERE tenant_id = $1 AND outcome_type = $2`, [tenantId, outcomeType]);
        return rows[0] ? toRule(rows[0]) : null;
    }
    async list(tenantId) {
        const rows = await this.q(`SELECT * FROM outcome_verification_rules WHERE tenant_id = $1 ORDER BY outcome_type`, [tenantId]);
        return rows.map(toRule);
    }
    async delete(tenantId, outcomeType) {
        const rows = await this.q(`DELETE FROM outcome_verification_rules WHERE tenant_id = $1 AND outcome_type = $2 RETURNING id`, [tenantId, outcomeType]);
        return rows.length > 0;
    }
};
exports.TypeOrmVerificationRuleRepository = TypeOrmVerificationRuleRepository;
exports.TypeOrmVerificationRuleRepository = TypeOrmVerificationRuleRepository = __decorate([
    (0, common_1.Injectable)()
], TypeOrmVerificationRuleRepository);
//# sourceMappingURL=typeorm-invoicing-support.repositories.js.map