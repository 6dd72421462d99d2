import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { newId } from '../../../shared/domain/ids';
import { TenantId, asTenantId } from '../../../shared/domain/tenant-id';
import { FailedJob, FailedJobRepository } from '../domain/failed-job.repository.port';
import { InvoiceRun, InvoiceRunRepository, RunItem } from '../domain/invoice-run.repository.port';
import { VerificationRule, VerificationRuleRepository } from '../domain/verification-rule';
import { crossTenantQuery, tenantQuery } from '../../../shared/persistence/tenant-sql';

type Row = Record<string, unknown>;
import { decodeCursor, instantSql, Page, pageFrom } from '../../../shared/http/cursor';

@Injectable()
abstract class Sql {
  constructor(protected readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}
  protected q(tenantId: TenantId, sql: string, params: unknown[]): Promise<Row[]> {
    return tenantQuery<Row>(this.txHost.tx, tenantId, sql, params);
  }
}

@Injectable()
export class TypeOrmInvoiceRunRepository extends Sql implements InvoiceRunRepository {
  async insert(run: { id: string; tenantId: TenantId; asOf: Date }): Promise<void> {
    await this.q(run.tenantId, `INSERT INTO invoice_runs (id, tenant_id, as_of) VALUES ($2,$1,$3)`, [
      run.id,
      run.asOf,
    ]);
  }

  async find(tenantId: TenantId, id: string): Promise<InvoiceRun | null> {
    const rows = await this.q(
      tenantId,
      // Done = the period has its invoice (read here, so the generate job writes nothing extra).
      `SELECT r.*, p.total, p.done, p.failed
       FROM invoice_runs r, LATERAL (
         SELECT count(*)::int AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM invoices v
             WHERE v.tenant_id = $1 AND v.subscription_id = i.subscription_id AND v.period_start = i.period_start))::int AS done,
           count(*) FILTER (WHERE i.status = 'failed' AND NOT EXISTS (SELECT 1 FROM invoices v
             WHERE v.tenant_id = $1 AND v.subscription_id = i.subscription_id AND v.period_start = i.period_start))::int AS failed
         FROM invoice_run_items i WHERE i.tenant_id = $1 AND i.run_id = r.id) p
       WHERE r.tenant_id = $1 AND r.id = $2`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      tenantId: asTenantId(r.tenant_id as string),
      asOf: r.as_of as Date,
      expandedAt: (r.expanded_at as Date | null) ?? null,
      jobsTotal: r.total as number,
      jobsDone: r.done as number,
      jobsFailed: r.failed as number,
      createdAt: r.created_at as Date,
    };
  }

  async addItems(tenantId: TenantId, runId: string, items: RunItem[]): Promise<void> {
    if (!items.length) return;
    await this.q(
      tenantId,
      `INSERT INTO invoice_run_items (run_id, tenant_id, subscription_id, period_start, status)
       SELECT $2, $1, u.sub, u.ps, 'queued'
       FROM unnest($3::uuid[], $4::timestamptz[]) AS u(sub, ps)
       ON CONFLICT DO NOTHING`,
      [runId, items.map((i) => i.subscriptionId), items.map((i) => i.periodStart)],
    );
  }

  async markExpanded(tenantId: TenantId, runId: string): Promise<void> {
    await this.q(tenantId, `UPDATE invoice_runs SET expanded_at = now() WHERE tenant_id = $1 AND id = $2`, [
      runId,
    ]);
  }

  async markFailed(item: RunItem, error: string): Promise<void> {
    await crossTenantQuery(
      this.txHost.tx,
      'a period (subscription id and start) belongs to one tenant, and the failed job names only the period',
      `UPDATE invoice_run_items SET status = 'failed', error = $3 WHERE subscription_id = $1 AND period_start = $2`,
      [item.subscriptionId, item.periodStart, error],
    );
  }
}

const toFailedJob = (r: Row): FailedJob => ({
  id: r.id as string,
  tenantId: asTenantId(r.tenant_id as string),
  queue: r.queue as string,
  jobName: r.job_name as string,
  jobId: r.job_id as string,
  data: r.data as Record<string, unknown>,
  error: r.error as string,
  attempts: r.attempts as number,
  status: r.status as FailedJob['status'],
  createdAt: r.created_at as Date,
});

@Injectable()
export class TypeOrmFailedJobRepository extends Sql implements FailedJobRepository {
  async record(job: Omit<FailedJob, 'id' | 'status' | 'createdAt'>): Promise<void> {
    await this.q(
      job.tenantId,
      `INSERT INTO failed_jobs (id, tenant_id, queue, job_name, job_id, data, error, attempts)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (queue, job_id) DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, status = 'dead'`,
      [newId(), job.queue, job.jobName, job.jobId, JSON.stringify(job.data), job.error, job.attempts],
    );
  }

  async list(
    tenantId: TenantId,
    q: { status?: FailedJob['status']; queue?: string; limit: number; cursor?: string },
  ): Promise<Page<FailedJob>> {
    // $1 is the tenant, bound by tenantQuery: the others are numbered after it.
    const params: unknown[] = [q.limit + 1];
    const next = (v: unknown) => `$${params.push(v) + 1}`;
    const where = ['tenant_id = $1'];
    if (q.status) where.push(`status = ${next(q.status)}`);
    if (q.queue) where.push(`queue = ${next(q.queue)}`);
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, ['instant', 'uuid']);
      where.push(`(created_at, id) < (${next(at)}::timestamptz, ${next(id)}::uuid)`);
    }
    const rows = await this.q(
      tenantId,
      `SELECT *, ${instantSql('created_at')} AS cursor_at FROM failed_jobs WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const page = pageFrom(rows, q.limit, (last) => [last.cursor_at as string, last.id as string]);
    return { items: page.items.map(toFailedJob), nextCursor: page.nextCursor };
  }

  async find(tenantId: TenantId, id: string): Promise<FailedJob | null> {
    const rows = await this.q(tenantId, `SELECT * FROM failed_jobs WHERE tenant_id = $1 AND id = $2`, [id]);
    return rows[0] ? toFailedJob(rows[0]) : null;
  }

  async markRetried(tenantId: TenantId, id: string): Promise<boolean> {
    const rows = await this.q(
      tenantId,
      `UPDATE failed_jobs SET status = 'retried' WHERE tenant_id = $1 AND id = $2 AND status = 'dead' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }
}

const toRule = (r: Row): VerificationRule => ({
  id: r.id as string,
  tenantId: asTenantId(r.tenant_id as string),
  outcomeType: r.outcome_type as string,
  autoAcceptBelow: r.auto_accept_below === null ? null : String(r.auto_accept_below).replace(/\.?0+$/, ''),
  requiredEvidence: r.required_evidence as string[],
  webhookUrl: (r.webhook_url as string | null) ?? null,
  webhookSecret: (r.webhook_secret as string | null) ?? null,
  disputeWindowHours: (r.dispute_window_hours as number | null) ?? null,
});

@Injectable()
export class TypeOrmVerificationRuleRepository extends Sql implements VerificationRuleRepository {
  async upsert(rule: VerificationRule): Promise<VerificationRule> {
    const rows = await this.q(
      rule.tenantId,
      `INSERT INTO outcome_verification_rules
         (id, tenant_id, outcome_type, auto_accept_below, required_evidence, webhook_url, webhook_secret,
          dispute_window_hours)
       VALUES ($2,$1,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (tenant_id, outcome_type) DO UPDATE SET auto_accept_below = EXCLUDED.auto_accept_below,
         required_evidence = EXCLUDED.required_evidence, webhook_url = EXCLUDED.webhook_url,
         webhook_secret = EXCLUDED.webhook_secret, dispute_window_hours = EXCLUDED.dispute_window_hours
       RETURNING *`,
      [
        rule.id,
        rule.outcomeType,
        rule.autoAcceptBelow,
        rule.requiredEvidence,
        rule.webhookUrl,
        rule.webhookSecret,
        rule.disputeWindowHours,
      ],
    );
    return toRule(rows[0]);
  }

  async find(tenantId: TenantId, outcomeType: string): Promise<VerificationRule | null> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM outcome_verification_rules WHERE tenant_id = $1 AND outcome_type = $2`,
      [outcomeType],
    );
    return rows[0] ? toRule(rows[0]) : null;
  }

  async list(tenantId: TenantId): Promise<VerificationRule[]> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM outcome_verification_rules WHERE tenant_id = $1 ORDER BY outcome_type`,
      [],
    );
    return rows.map(toRule);
  }

  async delete(tenantId: TenantId, outcomeType: string): Promise<boolean> {
    const rows = await this.q(
      tenantId,
      `DELETE FROM outcome_verification_rules WHERE tenant_id = $1 AND outcome_type = $2 RETURNING id`,
      [outcomeType],
    );
    return rows.length > 0;
  }
}
