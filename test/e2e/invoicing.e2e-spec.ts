import { Client } from 'pg';
import { ClsService } from 'nestjs-cls';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { SCOPES } from '../../src/shared/context/permissions';
import { QUEUES } from '../../src/shared/queue/queue-names';
import { RunInvoiceScheduler } from '../../src/modules/invoicing/application/run-invoice-scheduler.use-case';
import { MarkOverdueInvoices } from '../../src/modules/invoicing/application/mark-overdue-invoices.use-case';
import { IssueCreditNote } from '../../src/modules/invoicing/application/issue-credit-note.use-case';
import { InvoicePayments } from '../../src/shared/contracts/invoice-payments';
import { asTenantId } from '../../src/shared/domain/tenant-id';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { AuthFn, createApiKey, isolatedEnv, signUp, withApiKey } from '../support/auth';

const PROBLEM = /application\/problem\+json/;
const HOUR = 3600_000;

/** Text of an uncompressed pdfkit document (hex strings inside TJ arrays, WinAnsi). */
function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g))
    lines.push(
      [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((h) => Buffer.from(h[1], 'hex').toString('latin1'))
        .join(''),
    );
  return lines.join('\n');
}

const binary = (
  res: { on: (e: string, cb: (c?: Buffer) => void) => void },
  cb: (e: null, b: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

// Invoice runs go through the queue and workers: wait longer than the default.
const INVOICE_WAIT_MS = 20_000;

interface Org {
  auth: AuthFn;
  tenantId: string;
}
interface InvoiceBody {
  id: string;
  number: string | null;
  status: string;
  subscriptionId: string;
  total: string;
  lines: { id: string; amount: string; description: string }[];
  [k: string]: unknown;
}

describe('invoicing', () => {
  const clock = new FixedClock(new Date('2026-01-10T00:00:00Z'));
  const env: Record<string, string> = {
    INVOICE_GRACE_PERIOD_HOURS: '24',
    INVOICE_JOB_BACKOFF_MS: '50',
    INVOICE_SELLER_NAME: 'Agents Inc',
  };
  let dropDatabase: () => Promise<void>;
  let t: TestApp;
  // A second app with its own workers on the same database and queues. It lives as long as the first:
  // @nestjs-cls/transactional keeps one static TransactionHost per process, so closing one app early
  // would pull the connection from under the other.
  let t2: TestApp;
  let db: Client;
  const orgs: Org[] = [];
  // Organizations are made before the clock moves (sign-up tokens and keys are dated by it).
  const org = async (): Promise<Org> => orgs.pop()!;

  beforeAll(async () => {
    // Own database and queues: the scheduler and overdue jobs are global (every tenant) and run on a moved
    // clock, so they must not touch other test files' subscriptions, nor other workers take these jobs.
    const isolated = await isolatedEnv('invoicing');
    Object.assign(env, isolated.env);
    dropDatabase = isolated.drop;
    t = await startTestApp({ workers: true, clock, env });
    t2 = await startTestApp({ workers: true, clock, env });
    orgs.push(...(await Promise.all(Array.from({ length: 13 }, () => makeOrg()))));
    db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await t2.close();
    await dropDatabase();
  });

  // API keys, not JWTs: these tests move the clock by months and access tokens would expire.
  async function makeOrg(): Promise<Org> {
    const user = await signUp(t);
    const key = await createApiKey(t, user, [...SCOPES]);
    return { auth: withApiKey(key.key), tenantId: user.tenantId };
  }

  async function subscribe(who: Org, opts: { charges?: unknown[]; taxRate?: string } = {}) {
    const customer = await who
      .auth(t.http.post('/api/v1/customers'))
      .send({
        name: 'Acme Corp',
        email: 'ap@acme.test',
        currency: 'USD',
        timezone: 'UTC',
        taxRate: opts.taxRate ?? '10',
      })
      .expect(201);
    const plan = await who
      .auth(t.http.post('/api/v1/plans'))
      .send({
        code: `pro-${Math.random().toString(36).slice(2, 8)}`,
        name: 'Pro',
        currency: 'USD',
        interval: 'month',
        charges: opts.charges ?? [{ kind: 'base', name: 'Platform fee', amount: '49.00', timing: 'arrears' }],
      })
      .expect(201);
    const sub = await who
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId: customer.body.id, planId: plan.body.id })
      .expect(201);
    return {
      customerId: customer.body.id as string,
      subscriptionId: sub.body.id as string,
      periodEnd: new Date(sub.body.currentPeriodEnd),
    };
  }

  const invoicesOf = (who: Org) =>
    who.auth(t.http.get('/api/v1/invoices?limit=100')).then((r) => r.body.items as InvoiceBody[]);

  async function runFor(who: Org): Promise<void> {
    const run = await who.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    const done = await until(
      () => who.auth(t.http.get(`/api/v1/invoices/runs/${run.body.id}`)).then((r) => r.body),
      (b) => b.status === 'completed' || b.status === 'completed_with_failures',
      INVOICE_WAIT_MS,
    );
    expect(done.status).toBe('completed');
  }

  const passGrace = () => clock.advance(25 * HOUR);
  const finalizeTick = async (who: Org, expected: number) => {
    await t.app.get(RunInvoiceScheduler).execute();
    return until(
      () => invoicesOf(who),
      (items) => items.filter((i) => i.status !== 'draft').length >= expected,
      INVOICE_WAIT_MS,
    );
  };

  it('drafts one invoice per ended period, keeps it draft during the grace period, then numbers it', async () => {
    const a = await org();
    const s = await subscribe(a);
    clock.set(new Date(s.periodEnd.getTime() + 1000));
    await runFor(a);
    const [draft] = await invoicesOf(a);
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      subtotal: '49.00',
      taxRate: '10',
      taxTotal: '4.90',
      total: '53.90',
      customer: { name: 'Acme Corp' },
    });
    expect(draft.lines).toMatchObject([{ kind: 'base', description: 'Platform fee', amount: '49.00' }]);
    // A second run for the same period does nothing new.
    await runFor(a);
    expect(await invoicesOf(a)).toHaveLength(1);

    await t.app.get(RunInvoiceScheduler).execute(); // still within grace: stays draft
    await new Promise((r) => setTimeout(r, 300));
    expect((await invoicesOf(a))[0].status).toBe('draft');

    passGrace();
    const [finalized] = await finalizeTick(a, 1);
    expect(finalized).toMatchObject({
      status: 'finalized',
      number: 'INV-2026-000001',
      collectionMethod: 'manual',
    });
    const due =
      new Date(finalized.dueAt as string).getTime() - new Date(finalized.finalizedAt as string).getTime();
    expect(due).toBe(30 * 24 * HOUR);

    const pdf = await a
      .auth(t.http.get(`/api/v1/invoices/${finalized.id}/pdf`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    for (const expected of [
      'INVOICE',
      'Invoice number: INV-2026-000001',
      'Agents Inc',
      'Acme Corp',
      'ap@acme.test',
      'Platform fee',
      'USD 49.00',
      'Tax (10%)',
      'USD 4.90',
      'Total due',
      'USD 53.90',
      `Due date: ${(finalized.dueAt as string).slice(0, 10)}`,
    ])
      expect(text).toContain(expected);
  });

  it('invoices each period once across two scheduler ticks and two workers, with gapless numbers', async () => {
    {
      const a = await org();
      const subs = await Promise.all([subscribe(a), subscribe(a), subscribe(a), subscribe(a)]);
      clock.set(new Date(Math.max(...subs.map((s) => s.periodEnd.getTime())) + 1000));
      const q1 = t.app.get<Queue>(getQueueToken(QUEUES.invoicing));
      await Promise.all([
        t.app.get(RunInvoiceScheduler).execute(),
        t2.app.get(RunInvoiceScheduler).execute(),
        q1.add('schedule-invoice-run', {}),
        q1.add('schedule-invoice-run', {}),
      ]);
      await until(
        () => invoicesOf(a),
        (items) => items.length >= 4,
        INVOICE_WAIT_MS,
      );
      await new Promise((r) => setTimeout(r, 500));
      const ids = subs.map((s) => s.subscriptionId);
      const counts = await db.query(
        `SELECT subscription_id, count(*)::int AS n FROM invoices WHERE subscription_id = ANY($1) GROUP BY 1`,
        [ids],
      );
      expect(counts.rows.map((r) => r.n)).toEqual([1, 1, 1, 1]);

      passGrace();
      await Promise.all([
        t.app.get(RunInvoiceScheduler).execute(),
        t2.app.get(RunInvoiceScheduler).execute(),
      ]);
      const items = await until(
        () => invoicesOf(a),
        (list) => list.every((i) => i.status === 'finalized'),
        INVOICE_WAIT_MS,
      );
      expect(items.map((i) => i.number).sort()).toEqual([1, 2, 3, 4].map((n) => `INV-2026-00000${n}`));
    }
  });

  it('survives a crash after the invoice insert and during numbering: one invoice, one number, no gaps', async () => {
    const a = await org();
    const subs = [await subscribe(a), await subscribe(a)];
    // Faults injected in Postgres itself, once per kind, only for this tenant. Sequences are not rolled
    // back with the failing transaction, so each fault fires exactly once.
    await db.query(`
      CREATE SEQUENCE IF NOT EXISTS fault_after_insert; CREATE SEQUENCE IF NOT EXISTS fault_in_numbering;
      CREATE OR REPLACE FUNCTION crash_after_invoice_insert() RETURNS trigger AS $$
      BEGIN
        IF NEW.tenant_id = '${a.tenantId}' AND nextval('fault_after_insert') = 1 THEN
          RAISE EXCEPTION 'injected crash after the invoice insert, before commit';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE OR REPLACE FUNCTION crash_in_numbering() RETURNS trigger AS $$
      BEGIN
        IF NEW.tenant_id = '${a.tenantId}' AND NEW.number IS NOT NULL AND OLD.number IS NULL
           AND nextval('fault_in_numbering') = 1 THEN
          RAISE EXCEPTION 'injected crash after taking a number, before commit';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER crash_after_invoice_insert AFTER INSERT ON invoice_lines
        FOR EACH ROW EXECUTE FUNCTION crash_after_invoice_insert();
      CREATE TRIGGER crash_in_numbering BEFORE UPDATE ON invoices
        FOR EACH ROW EXECUTE FUNCTION crash_in_numbering();`);
    try {
      clock.set(new Date(Math.max(...subs.map((s) => s.periodEnd.getTime())) + 1000));
      await runFor(a);
      passGrace();
      const items = await finalizeTick(a, 2);
      const faults = await db.query(
        `SELECT (SELECT last_value FROM fault_after_insert) AS a, (SELECT last_value FROM fault_in_numbering) AS b`,
      );
      expect(Number(faults.rows[0].a)).toBeGreaterThan(1); // the first write really crashed
      expect(Number(faults.rows[0].b)).toBeGreaterThan(1); // and so did the first numbering
      expect(items).toHaveLength(2);
      expect(items.map((i) => i.number).sort()).toEqual(['INV-2026-000001', 'INV-2026-000002']);
      const lines = await db.query(`SELECT count(*)::int AS n FROM invoice_lines WHERE tenant_id = $1`, [
        a.tenantId,
      ]);
      expect(lines.rows[0].n).toBe(2);
    } finally {
      await db.query(
        `DROP TRIGGER crash_after_invoice_insert ON invoice_lines; DROP TRIGGER crash_in_numbering ON invoices;`,
      );
    }
  });

  it('applies wallet credits, corrects a finalized invoice only with numbered credit notes, and voids', async () => {
    const a = await org();
    const s = await subscribe(a);
    await a
      .auth(t.http.post(`/api/v1/customers/${s.customerId}/credits/grants`))
      .send({ amount: '10', paid: true })
      .expect(201);
    clock.set(new Date(s.periodEnd.getTime() + 1000));
    await runFor(a);
    const [draft] = await invoicesOf(a);
    expect(draft).toMatchObject({ creditsApplied: '10.00', total: '43.90' });
    await a
      .auth(t.http.post(`/api/v1/invoices/${draft.id}/credit-notes`))
      .send({ reason: 'too early', method: 'credit' })
      .expect(400);

    const fin = await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(200);
    expect(fin.body).toMatchObject({ status: 'finalized', number: 'INV-2026-000001' });
    const again = await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(200);
    expect(again.body.number).toBe('INV-2026-000001');

    const line = (fin.body as InvoiceBody).lines[0]; // re-rated at finalization: new lines
    const partial = await a
      .auth(t.http.post(`/api/v1/invoices/${draft.id}/credit-notes`))
      .send({
        reason: 'Outage on Jan 20',
        method: 'credit',
        lines: [{ invoiceLineId: line.id, amount: '5.50' }],
      })
      .expect(201);
    expect(partial.body).toMatchObject({
      number: 'CN-2026-000001',
      total: '5.50',
      method: 'credit',
      refundStatus: 'none',
    });
    const tooMuch = await a
      .auth(t.http.post(`/api/v1/invoices/${draft.id}/credit-notes`))
      .send({ reason: 'Greedy', method: 'credit', lines: [{ invoiceLineId: line.id, amount: '100' }] })
      .expect(400);
    expect(tooMuch.headers['content-type']).toMatch(PROBLEM);
    const rest = await a
      .auth(t.http.post(`/api/v1/invoices/${draft.id}/credit-notes`))
      .send({ reason: 'Goodwill: the rest', method: 'refund' })
      .expect(201);
    expect(rest.body).toMatchObject({ number: 'CN-2026-000002', total: '38.40', refundStatus: 'manual' });
    await a
      .auth(t.http.post(`/api/v1/invoices/${draft.id}/credit-notes`))
      .send({ reason: 'more', method: 'credit' })
      .expect(400);

    const invoice = await a.auth(t.http.get(`/api/v1/invoices/${draft.id}`)).expect(200);
    expect(invoice.body).toMatchObject({ total: '43.90', amountCredited: '43.90', status: 'finalized' });
    const credits = await a.auth(t.http.get(`/api/v1/customers/${s.customerId}/credits`)).expect(200);
    expect(JSON.stringify(credits.body)).toContain('5.5');

    const pdf = await a
      .auth(t.http.get(`/api/v1/credit-notes/${partial.body.id}/pdf`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdfText(pdf.body as Buffer);
    for (const expected of [
      'CREDIT NOTE',
      'CN-2026-000001',
      'Corrects invoice: INV-2026-000001',
      'Outage on Jan 20',
      'USD 5.50',
    ])
      expect(text).toContain(expected);

    const voided = await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/void`)).expect(200);
    expect(voided.body.status).toBe('void');
    const conflict = await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(409);
    expect(conflict.headers['content-type']).toMatch(PROBLEM);
  });

  it('numbers credit notes at commit: one held open does not hold up another of the tenant, and a rollback gives its number back', async () => {
    const a = await org();
    const subs = [await subscribe(a), await subscribe(a)];
    clock.set(new Date(Math.max(...subs.map((s) => s.periodEnd.getTime())) + 1000));
    await runFor(a);
    const invoices: InvoiceBody[] = [];
    for (const draft of await invoicesOf(a))
      invoices.push((await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(200)).body);
    const issue = (invoice: InvoiceBody, reason: string) =>
      a.auth(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`)).send({
        reason,
        method: 'credit',
        lines: [{ invoiceLineId: invoice.lines[0].id, amount: '1.00' }],
      });

    // Faults injected in Postgres, only for this tenant: a credit note whose reason is 'held' waits, after its
    // insert and before its commit, for an advisory lock this test holds; 'crash' fails while it is numbered.
    const HOLD = 7_100_001;
    const holder = new Client({ connectionString: env.DATABASE_URL });
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(${HOLD})`);
    await db.query(`
      CREATE OR REPLACE FUNCTION hold_credit_note() RETURNS trigger AS $$
      BEGIN
        IF NEW.tenant_id = '${a.tenantId}' AND NEW.reason = 'held' THEN PERFORM pg_advisory_xact_lock(${HOLD}); END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql;
      CREATE OR REPLACE FUNCTION crash_credit_note_numbering() RETURNS trigger AS $$
      BEGIN
        IF NEW.tenant_id = '${a.tenantId}' AND NEW.reason = 'crash' AND NEW.number IS NOT NULL AND OLD.number IS NULL THEN
          RAISE EXCEPTION 'injected crash after taking a credit note number, before commit';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER hold_credit_note AFTER INSERT ON credit_notes
        FOR EACH ROW EXECUTE FUNCTION hold_credit_note();
      CREATE TRIGGER crash_credit_note_numbering BEFORE UPDATE ON credit_notes
        FOR EACH ROW EXECUTE FUNCTION crash_credit_note_numbering();`);
    let released = false;
    const release = async () => {
      if (!released) await holder.query(`SELECT pg_advisory_unlock(${HOLD})`);
      released = true;
    };
    try {
      const held = issue(invoices[0], 'held').then((r) => r);
      const waiting = await until(
        () =>
          db
            .query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)
            .then((r) => r.rows[0].n as number),
        (n) => n === 1,
      );
      expect(waiting).toBe(1); // the held credit note is inserted and waits before its commit

      // Another credit note of the tenant commits meanwhile, and takes the first number.
      let timer: NodeJS.Timeout | undefined;
      const free = await Promise.race([
        issue(invoices[1], 'free').then((r) => r),
        new Promise<'still waiting'>((r) => (timer = setTimeout(() => r('still waiting'), 5000))),
      ]).finally(() => clearTimeout(timer));
      expect(free).not.toBe('still waiting');
      expect(free).toMatchObject({ status: 201, body: { number: 'CN-2026-000001', total: '1.00' } });

      await release();
      expect(await held).toMatchObject({ status: 201, body: { number: 'CN-2026-000002' } });

      // A credit note rolled back after taking its number gives it back: the next one takes it, no gap.
      // (Issued through the use case: the API's answer to a failed commit, a bare 500, is not in its contract.)
      await expect(
        t.app.get(ClsService).run(() =>
          t.app.get(IssueCreditNote).execute(asTenantId(a.tenantId), invoices[1].id, {
            reason: 'crash',
            method: 'credit',
            lines: [{ invoiceLineId: invoices[1].lines[0].id, amount: '1.00' }],
          }),
        ),
      ).rejects.toThrow(/injected crash after taking a credit note number/);
      const next = await issue(invoices[1], 'after the crash').expect(201);
      expect(next.body.number).toBe('CN-2026-000003');
      const notes = await db.query(
        `SELECT reason, number FROM credit_notes WHERE tenant_id = $1 ORDER BY number`,
        [a.tenantId],
      );
      expect(notes.rows).toEqual([
        { reason: 'free', number: 'CN-2026-000001' },
        { reason: 'held', number: 'CN-2026-000002' },
        { reason: 'after the crash', number: 'CN-2026-000003' },
      ]);
      const second = await a.auth(t.http.get(`/api/v1/invoices/${invoices[1].id}`)).expect(200);
      expect(second.body.amountCredited).toBe('2.00');
      const wallet = await a
        .auth(t.http.get(`/api/v1/customers/${invoices[0].customerId as string}/credits`))
        .expect(200);
      expect(JSON.stringify(wallet.body)).toContain(`credit_note:${(await held).body.id}`);
    } finally {
      await release();
      await holder.end();
      await db.query(
        `DROP TRIGGER hold_credit_note ON credit_notes; DROP TRIGGER crash_credit_note_numbering ON credit_notes;`,
      );
    }
  });

  it('bills usage that arrives during the grace period, and a voided draft moves the subscription on', async () => {
    const a = await org();
    await a
      .auth(t.http.post('/api/v1/billable-metrics'))
      .send({ code: 'tokens', name: 'Tokens', aggregation: 'sum', field: 'tokens' })
      .expect(201);
    const usageCharge = {
      kind: 'usage',
      name: 'Tokens',
      metricCode: 'tokens',
      price: { model: 'per_unit', unitAmount: '0.01' },
    };
    const s = await subscribe(a, { charges: [usageCharge], taxRate: '0' });
    const other = await subscribe(a, { charges: [usageCharge], taxRate: '0' });
    const usage = (customerId: string, id: string, tokens: number, at: Date) =>
      a
        .auth(t.http.post('/api/v1/usage/events'))
        .send({
          events: [
            {
              eventId: id,
              customerId,
              metric: 'tokens',
              timestamp: at.toISOString(),
              properties: { tokens },
            },
          ],
        })
        .expect((res) => expect(res.body).toMatchObject({ accepted: 1 }));
    clock.set(new Date(s.periodEnd.getTime() - 30 * 60_000));
    await usage(s.customerId, 'u1', 100, new Date(s.periodEnd.getTime() - 3600_000));
    clock.set(new Date(s.periodEnd.getTime() + 1000));
    await runFor(a);
    const drafts = await invoicesOf(a);
    const draft = drafts.find((i) => i.subscriptionId === s.subscriptionId)!;
    expect(draft).toMatchObject({ status: 'draft', total: '1.00' });

    // Reported late (after the period ended) but timestamped inside it, while the invoice is a draft.
    clock.advance(HOUR);
    await usage(s.customerId, 'u2', 50, new Date(s.periodEnd.getTime() - 60_000));
    const fin = await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(200);
    expect(fin.body).toMatchObject({ status: 'finalized', total: '1.50' });

    const otherDraft = drafts.find((i) => i.subscriptionId === other.subscriptionId)!;
    await a.auth(t.http.post(`/api/v1/invoices/${otherDraft.id}/void`)).expect(200);
    const sub = await a.auth(t.http.get(`/api/v1/subscriptions/${other.subscriptionId}`)).expect(200);
    expect(new Date(sub.body.currentPeriodStart).getTime()).toBe(other.periodEnd.getTime());
    await runFor(a);
    expect(await invoicesOf(a)).toHaveLength(2);
  });

  it('finalizes straight into paid when the payment was confirmed while the invoice was a draft', async () => {
    const a = await org();
    const s = await subscribe(a);
    clock.set(new Date(s.periodEnd.getTime() + 1000));
    await runFor(a);
    const [draft] = await invoicesOf(a);
    const payments = t.app.get(InvoicePayments);
    expect(await payments.markPaid(asTenantId(a.tenantId), { invoiceId: draft.id }, clock.now())).toBe(
      'noted',
    );
    expect((await invoicesOf(a))[0].status).toBe('draft');
    const fin = await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(200);
    expect(fin.body).toMatchObject({ status: 'paid', number: 'INV-2026-000001' });
    expect(await payments.markPaymentFailed(asTenantId(a.tenantId), { invoiceId: draft.id })).toBe(
      'unchanged',
    );
    await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/void`)).expect(409);
  });

  it('lists the verified outcomes behind outcome charges on the invoice and its PDF (value receipt)', async () => {
    const a = await org();
    const s = await subscribe(a, {
      charges: [
        { kind: 'outcome', name: 'Resolution fee', outcomeType: 'ticket_resolved', percentage: '10' },
      ],
      taxRate: '0',
    });
    const agent = await a
      .auth(t.http.post('/api/v1/agents'))
      .send({
        name: 'Support bot',
        slug: `support-${Math.random().toString(36).slice(2, 8)}`,
        model: 'gpt-4o-mini',
      })
      .expect(201);
    const recorded = await a
      .auth(t.http.post(`/api/v1/agents/${agent.body.id}/outcomes`))
      .send({
        customerId: s.customerId,
        type: 'ticket_resolved',
        value: '120.00',
        currency: 'USD',
        evidence: { ticketId: 'T-1001' },
      })
      .expect(201);
    expect(recorded.body.status).toBe('pending');
    // The verify-outcome worker (no rule for this type: verified) runs before the period is invoiced.
    const stats = await until(
      () => a.auth(t.http.get(`/api/v1/agents/${agent.body.id}/stats`)).then((r) => r.body.outcomes),
      (outcomes: { status: string }[]) => outcomes.some((o) => o.status === 'verified'),
      INVOICE_WAIT_MS,
    );
    expect(stats).toMatchObject([{ status: 'verified', count: 1 }]);
    clock.set(new Date(s.periodEnd.getTime() + 1000));
    await runFor(a);
    const [invoice] = await invoicesOf(a);
    expect(invoice.total).toBe('12.00');
    expect(invoice.outcomes).toMatchObject([
      { id: recorded.body.id, type: 'ticket_resolved', value: '120', evidence: { ticketId: 'T-1001' } },
    ]);
    const pdf = await a
      .auth(t.http.get(`/api/v1/invoices/${invoice.id}/pdf`))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('DRAFT INVOICE');
    expect(text).toContain('Value receipt: verified outcomes');
    expect(text).toContain('ticket_resolved: value USD 120');
    expect(text).toContain('Evidence: ticketId: T-1001');
  });

  it('previews the open period without storing anything, and marks overdue invoices past_due', async () => {
    const a = await org();
    const s = await subscribe(a);
    const preview = await a
      .auth(t.http.post('/api/v1/invoices/preview'))
      .send({ subscriptionId: s.subscriptionId })
      .expect(200);
    expect(preview.body).toMatchObject({ subscriptionId: s.subscriptionId, currency: 'USD' });
    expect(await invoicesOf(a)).toHaveLength(0);
    await a.auth(t.http.post('/api/v1/invoices/preview')).send({ subscriptionId: 'nope' }).expect(400);

    clock.set(new Date(s.periodEnd.getTime() + 1000));
    await runFor(a);
    const [draft] = await invoicesOf(a);
    await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(200);
    clock.advance(31 * 24 * HOUR);
    await t.app.get(MarkOverdueInvoices).execute();
    const sub = await a.auth(t.http.get(`/api/v1/subscriptions/${s.subscriptionId}`)).expect(200);
    expect(sub.body.status).toBe('past_due');
    const inv = await a.auth(t.http.get(`/api/v1/invoices/${draft.id}`)).expect(200);
    expect(inv.body.overdueAt).not.toBeNull();
  });

  it('keeps invoices, credit notes and runs inside their organization', async () => {
    const a = await org();
    const b = await org();
    const s = await subscribe(a);
    clock.set(new Date(s.periodEnd.getTime() + 1000));
    const run = await a.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    const [draft] = await until(
      () => invoicesOf(a),
      (items) => items.length === 1,
      INVOICE_WAIT_MS,
    );
    await a.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(200);
    const note = await a
      .auth(t.http.post(`/api/v1/invoices/${draft.id}/credit-notes`))
      .send({ reason: 'test', method: 'refund' })
      .expect(201);

    expect(await invoicesOf(b)).toHaveLength(0);
    await b.auth(t.http.get(`/api/v1/invoices/${draft.id}`)).expect(404);
    await b.auth(t.http.get(`/api/v1/invoices/${draft.id}/pdf`)).expect(404);
    await b.auth(t.http.post(`/api/v1/invoices/${draft.id}/finalize`)).expect(404);
    await b.auth(t.http.post(`/api/v1/invoices/${draft.id}/void`)).expect(404);
    await b.auth(t.http.get(`/api/v1/invoices/${draft.id}/credit-notes`)).expect(404);
    await b
      .auth(t.http.post(`/api/v1/invoices/${draft.id}/credit-notes`))
      .send({ reason: 'stolen', method: 'credit' })
      .expect(404);
    await b.auth(t.http.get(`/api/v1/credit-notes/${note.body.id}`)).expect(404);
    await b.auth(t.http.get(`/api/v1/credit-notes/${note.body.id}/pdf`)).expect(404);
    await b.auth(t.http.get(`/api/v1/invoices/runs/${run.body.id}`)).expect(404);
    await b
      .auth(t.http.post('/api/v1/invoices/preview'))
      .send({ subscriptionId: s.subscriptionId })
      .expect(404);
    await a.auth(t.http.get('/api/v1/invoices/not-a-uuid')).expect(404);
    await a.auth(t.http.get('/api/v1/invoices?limit=0')).expect(400);
    await a.auth(t.http.post('/api/v1/invoices/runs')).send({ period: '2026-13' }).expect(400);
  });

  it('parks a job that fails every retry as a visible dead letter, and retries it on request', async () => {
    const a = await org();
    const b = await org();
    const q = t.app.get<Queue>(getQueueToken(QUEUES.invoicing));
    const ghost = '00000000-0000-4000-8000-00000000dead';
    await q.add(
      'generate-invoice',
      {
        tenantId: a.tenantId,
        subscriptionId: ghost,
        customerId: ghost,
        periodStart: '2026-01-01T00:00:00Z',
        periodEnd: '2026-02-01T00:00:00Z',
      },
      { jobId: `inv_${ghost}_${Date.now()}`, attempts: 3, backoff: { type: 'fixed', delay: 20 } },
    );
    const dead = await until(
      () =>
        a
          .auth(t.http.get('/api/v1/failed-jobs?queue=invoicing'))
          .then((r) => r.body.items as { id: string; error: string; [k: string]: unknown }[]),
      (items) => items.length === 1,
      INVOICE_WAIT_MS,
    );
    expect(dead[0]).toMatchObject({ jobName: 'generate-invoice', attempts: 3, status: 'dead' });
    expect(dead[0].error).toMatch(/not found/i);
    expect((await b.auth(t.http.get('/api/v1/failed-jobs')).expect(200)).body.items).toHaveLength(0);
    await b.auth(t.http.post(`/api/v1/failed-jobs/${dead[0].id}/retry`)).expect(404);
    const retried = await a.auth(t.http.post(`/api/v1/failed-jobs/${dead[0].id}/retry`)).expect(202);
    expect(retried.body.status).toBe('retried');
    await a.auth(t.http.post(`/api/v1/failed-jobs/${dead[0].id}/retry`)).expect(409);
  });
});
