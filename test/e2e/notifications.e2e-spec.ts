import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ClsService } from 'nestjs-cls';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { SCOPES } from '../../src/shared/context/permissions';
import { asTenantId } from '../../src/shared/domain/tenant-id';
import { InvoicePayments } from '../../src/shared/contracts/invoice-payments';
import { WebhookEvents } from '../../src/shared/contracts/webhook-events';
import { DebitCredits } from '../../src/modules/billing/application/debit-credits.use-case';
import { ScanEndingTrials } from '../../src/modules/notifications/application/scan-ending-trials.use-case';
import { SendNotification } from '../../src/modules/notifications/application/send-notification.use-case';
import { RequeuePendingNotifications } from '../../src/modules/notifications/application/requeue-pending-notifications.use-case';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { AuthFn, createApiKey, isolatedEnv, SignedUp, signUp, withApiKey } from '../support/auth';
import { ReceivedMail } from '../fakes/fake-smtp-server';

const PROBLEM = /application\/problem\+json/;
const address = (label: string) => `${label}-${randomBytes(4).toString('hex')}@example.test`;
const settle = () => new Promise((r) => setTimeout(r, 1500));

interface Org {
  auth: AuthFn;
  tenantId: string;
  ownerEmail: string;
  owner: SignedUp;
}

describe('email notifications', () => {
  const clock = new FixedClock(new Date('2026-01-10T00:00:00Z'));
  let t: TestApp;
  let db: Client;
  let dropDatabase: () => Promise<void>;
  let inCls: <T>(fn: () => Promise<T>) => Promise<T>;

  beforeAll(async () => {
    // Own database: invoice runs and the trial scan look at every tenant, on a moved clock.
    const isolated = await isolatedEnv('notify');
    dropDatabase = isolated.drop;
    t = await startTestApp({
      workers: true,
      clock,
      env: {
        ...isolated.env,
        INVOICE_GRACE_PERIOD_HOURS: '0',
        NOTIFY_BACKOFF_MS: '200',
        NOTIFY_SCAN_CRON: 'off',
        NOTIFY_TRIAL_ENDING_DAYS: '3',
      },
    });
    db = new Client({ connectionString: isolated.env.DATABASE_URL });
    await db.connect();
    const cls = t.app.get(ClsService);
    inCls = (fn) => cls.run(fn);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await dropDatabase();
  });

  // API keys, not JWTs: the clock moves past the end of a billing period.
  async function makeOrg(orgName?: string): Promise<Org> {
    const user = await signUp(t, { orgName });
    const key = await createApiKey(t, user, [...SCOPES]);
    return { auth: withApiKey(key.key), tenantId: user.tenantId, ownerEmail: user.email, owner: user };
  }

  const mailsTo = (to: string, subject: RegExp) => (m: ReceivedMail) =>
    m.envelopeTo.includes(to) && subject.test(m.subject);

  /** Waits for one matching mail, lets retries and repeats play out, and checks no second one came. */
  async function exactlyOne(to: string, subject: RegExp): Promise<ReceivedMail> {
    const [mail] = await t.smtp.waitFor(mailsTo(to, subject), 1, 20_000);
    await settle();
    expect(t.smtp.received.filter(mailsTo(to, subject))).toHaveLength(1);
    return mail;
  }

  async function customer(org: Org, email?: string) {
    return (
      await org
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'Acme Corp', email, currency: 'USD', timezone: 'UTC', taxRate: '0' })
        .expect(201)
    ).body as { id: string; externalId: string | null };
  }

  /** An organization with these notification settings and a customer holding `credits` in paid credits. */
  async function orgWithCredits(settings: Record<string, unknown>, credits: string) {
    const org = await makeOrg();
    const saved = await org.auth(t.http.put('/api/v1/notification-settings')).send(settings).expect(200);
    const c = await customer(org);
    await org
      .auth(t.http.post(`/api/v1/customers/${c.id}/credits/grants`))
      .send({ amount: credits, paid: true })
      .expect(201);
    const tenantId = asTenantId(org.tenantId);
    const debit = (amount: string, reference: string) =>
      inCls(() => t.app.get(DebitCredits).execute(tenantId, c.id, amount, reference, 'test'));
    return { org, ownerEmail: org.ownerEmail, customer: c, tenantId, settings: saved.body, debit };
  }

  async function subscribe(org: Org, customerId: string, trialDays = 0) {
    const plan = await org
      .auth(t.http.post('/api/v1/plans'))
      .send({
        code: `pro-${randomBytes(3).toString('hex')}`,
        name: 'Pro',
        currency: 'USD',
        interval: 'month',
        trialDays,
        charges: [{ kind: 'base', name: 'Platform fee', amount: '49.00', timing: 'arrears' }],
      })
      .expect(201);
    const sub = await org
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId, planId: plan.body.id })
      .expect(201);
    return sub.body as { id: string; currentPeriodEnd: string; trialEnd: string | null };
  }

  it('serves the documented defaults, validates changes as problem+json, and keeps each organization to its own', async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const defaults = await a.auth(t.http.get('/api/v1/notification-settings')).expect(200);
    expect(defaults.body).toEqual({
      enabledEvents: [
        'invoice.finalized',
        'invoice.payment_failed',
        'credits.low',
        'subscription.trial_ending',
        'spend_cap.reached',
      ],
      recipientRoles: ['owner', 'admin'],
      extraRecipients: [],
      notifyCustomer: false,
      creditsLowThreshold: null,
    });
    for (const body of [
      { enabledEvents: ['invoice.exploded'] },
      { recipientRoles: ['viewer'] },
      { extraRecipients: ['not-an-address'] },
      { notifyCustomer: 'yes' },
      { extraRecipients: 'finance@acme.test' },
      { creditsLowThreshold: '-1' },
      { creditsLowThreshold: 25 },
      { creditsLowThreshold: '1e3' },
      { creditsLowThreshold: '12.1234567890123' },
      { creditsLowThreshold: '' },
    ]) {
      const bad = await a.auth(t.http.put('/api/v1/notification-settings')).send(body).expect(400);
      expect(bad.headers['content-type']).toMatch(PROBLEM);
    }
    const updated = await a
      .auth(t.http.put('/api/v1/notification-settings'))
      .send({
        enabledEvents: ['invoice.finalized'],
        extraRecipients: ['Finance@Acme.test', 'finance@acme.test'],
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      enabledEvents: ['invoice.finalized'],
      recipientRoles: ['owner', 'admin'],
      extraRecipients: ['finance@acme.test'],
    });
    // B sees its own (default) settings, and its change leaves A's alone.
    const ofB = await b.auth(t.http.get('/api/v1/notification-settings')).expect(200);
    expect(ofB.body).toEqual(defaults.body);
    await b
      .auth(t.http.put('/api/v1/notification-settings'))
      .send({ enabledEvents: [], extraRecipients: [] })
      .expect(200);
    const ofA = await a.auth(t.http.get('/api/v1/notification-settings')).expect(200);
    expect(ofA.body).toEqual(updated.body);
  });

  it('mails an invitation to the invitee once, through the worker', async () => {
    const org = await makeOrg();
    const invitee = address('invitee');
    const res = await org
      .auth(t.http.post(`/api/v1/organizations/${org.tenantId}/members`))
      .send({ email: invitee, role: 'member' })
      .expect(201);
    const mail = await exactlyOne(invitee, /You are invited to join/);
    expect(mail.text).toContain(`/api/v1/invitations/${res.body.invitation.id}/accept`);
    expect(mail.html).toContain('invited to join');
  });

  it('mails credits.low to the owners and the extra address once per crossing; repeats send nothing', async () => {
    const extra = address('finance');
    const { org, customer: c, tenantId, debit } = await orgWithCredits({ extraRecipients: [extra] }, '12');
    await debit('5', 'manual:low-1');
    const subject = /Credit balance low: 7.00 USD/;
    await t.smtp.waitFor(mailsTo(extra, subject), 1, 20_000);
    const toOwner = await exactlyOne(org.ownerEmail, subject);
    expect(toOwner.text).toContain('below 10.00 USD');
    // The same event again (a retried publish) adds no mail.
    await inCls(() =>
      t.app.get(WebhookEvents).publish(tenantId, 'credits.low', {
        customerId: c.id,
        externalId: c.externalId,
        balance: '7.00',
        threshold: '10.00',
        currency: 'USD',
        reference: 'manual:low-1',
      }),
    );
    await settle();
    expect(t.smtp.received.filter(mailsTo(org.ownerEmail, subject))).toHaveLength(1);
    expect(t.smtp.received.filter(mailsTo(extra, subject))).toHaveLength(1);
  });

  it("an organization's own credits-low threshold decides when credits.low is emitted and mailed", async () => {
    // Global CREDITS_LOW_THRESHOLD is 10. A threshold above it mails a crossing the global one would miss.
    const high = await orgWithCredits({ creditsLowThreshold: '50.00' }, '60');
    expect(high.settings.creditsLowThreshold).toBe('50');
    const read = await high.org.auth(t.http.get('/api/v1/notification-settings')).expect(200);
    expect(read.body).toMatchObject({
      creditsLowThreshold: '50',
      enabledEvents: expect.arrayContaining(['credits.low']),
    });
    await high.debit('15', 'manual:high-1');
    const mail = await exactlyOne(high.ownerEmail, /Credit balance low: 45.00 USD/);
    expect(mail.text).toContain('below 50.00 USD');

    // A threshold below the global one: crossing 10 says nothing, crossing 2 mails.
    const low = await orgWithCredits({ creditsLowThreshold: '2' }, '12');
    await low.debit('5', 'manual:low-a');
    await settle();
    expect(t.smtp.mailsTo(low.ownerEmail).filter((m) => /Credit balance low/.test(m.subject))).toEqual([]);
    await low.debit('6', 'manual:low-b');
    const lowMail = await exactlyOne(low.ownerEmail, /Credit balance low: 1.00 USD/);
    expect(lowMail.text).toContain('below 2.00 USD');

    // null goes back to the global default.
    const reset = await low.org
      .auth(t.http.put('/api/v1/notification-settings'))
      .send({ creditsLowThreshold: null })
      .expect(200);
    expect(reset.body.creditsLowThreshold).toBeNull();
  });

  it('sends nothing for an event the organization turned off', async () => {
    const { org, debit } = await orgWithCredits({ enabledEvents: ['invoice.finalized'] }, '12');
    await debit('5', 'manual:off-1');
    await settle();
    expect(t.smtp.mailsTo(org.ownerEmail).filter((m) => /Credit balance/.test(m.subject))).toEqual([]);
    const rows = await db.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE tenant_id = $1`, [
      org.tenantId,
    ]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('mails a spend cap reached once per cap and period, however many requests it refuses', async () => {
    const org = await makeOrg();
    const agent = await org
      .auth(t.http.post('/api/v1/agents'))
      .send({
        name: 'capped',
        slug: `capped-${randomBytes(3).toString('hex')}`,
        model: 'gpt-4o-mini',
        maxTokens: 20,
      })
      .expect(201);
    // The owner's session still works: the clock has not moved yet (the invoice test moves it, last).
    const key = await createApiKey(t, org.owner, ['chat:invoke']);
    await org
      .auth(t.http.put(`/api/v1/spend-caps/api-keys/${key.id}`))
      .send({ amount: '0.000001', currency: 'USD' })
      .expect(200);
    for (let i = 0; i < 3; i++) {
      const refused = await withApiKey(key.key)(t.http.post(`/api/v1/agents/${agent.body.id}/chat`))
        .send({ message: `hello ${i}` })
        .expect(402);
      expect(refused.body.code).toBe('spend_cap_exceeded');
    }
    const mail = await exactlyOne(org.ownerEmail, /Spend cap of 0.000001 USD reached/);
    expect(mail.text).toContain(`API key ${key.id} reached its spend cap`);
  });

  it('mails a trial ending once, however often the scan runs', async () => {
    const org = await makeOrg();
    const c = await customer(org);
    const sub = await subscribe(org, c.id, 2);
    expect(sub.trialEnd).toBeTruthy();
    const scan = t.app.get(ScanEndingTrials);
    await inCls(() => scan.execute());
    await inCls(() => scan.execute());
    const mail = await exactlyOne(org.ownerEmail, /Trial ends on/);
    expect(mail.text).toContain(sub.id);
  });

  it('a relay deferring the first try: the mail is retried and delivered once', async () => {
    const org = await makeOrg();
    const invitee = address('deferred');
    t.smtp.deferNext = 1;
    await org
      .auth(t.http.post(`/api/v1/organizations/${org.tenantId}/members`))
      .send({ email: invitee, role: 'viewer' })
      .expect(201);
    await exactlyOne(invitee, /You are invited/);
    const row = await until(
      () =>
        db
          .query(`SELECT status, attempts, last_error FROM notification_outbox WHERE recipient = $1`, [
            invitee,
          ])
          .then((r) => r.rows[0]),
      (r) => r?.status === 'sent',
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: 'smtp 451' });
    // The job queued again (the scan re-queueing, a duplicate delivery) finds the row sent and skips it.
    const [{ id }] = (await db.query(`SELECT id FROM notification_outbox WHERE recipient = $1`, [invitee]))
      .rows;
    const send = t.app.get(SendNotification);
    await expect(inCls(() => send.execute(asTenantId(org.tenantId), id, false))).resolves.toBe('skipped');
    await db.query(
      `UPDATE notification_outbox SET created_at = created_at - interval '1 hour' WHERE id = $1`,
      [id],
    );
    expect(await inCls(() => t.app.get(RequeuePendingNotifications).execute())).toBe(0);
    await settle();
    expect(t.smtp.received.filter(mailsTo(invitee, /You are invited/))).toHaveLength(1);
  });

  it('invoice finalized: one mail with the PDF, HTML escaped; payment failed: one mail per collection attempt, however often Stripe reports it', async () => {
    const org = await makeOrg(`Acme <b>&</b> ${randomBytes(2).toString('hex')}`);
    const c = await customer(org, 'ap@acme.test');
    await org.auth(t.http.put('/api/v1/notification-settings')).send({ notifyCustomer: true }).expect(200);
    const sub = await subscribe(org, c.id);
    clock.set(new Date(new Date(sub.currentPeriodEnd).getTime() + 1000));
    await org.auth(t.http.post('/api/v1/invoices/runs')).send({}).expect(202);
    const [invoice] = await until(
      () =>
        org
          .auth(t.http.get('/api/v1/invoices'))
          .then((r) => r.body.items as { id: string; number: string; status: string }[]),
      (items) => items.length === 1 && items[0].status === 'finalized',
      20_000,
    );
    const subject = new RegExp(`Invoice ${invoice.number} for 49.00 USD`);
    const mail = await exactlyOne(org.ownerEmail, subject);
    expect(mail.subject).toContain('[Acme <b>&</b>');
    expect(mail.html).toContain('Acme &lt;b&gt;&amp;&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>&</b>');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      contentType: 'application/pdf',
      filename: `${invoice.number}.pdf`,
    });
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    // notifyCustomer: the billed customer gets its invoice too.
    await exactlyOne('ap@acme.test', subject);

    const payments = t.app.get(InvoicePayments);
    const tenantId = asTenantId(org.tenantId);
    const failedSubject = new RegExp(`Payment failed for invoice ${invoice.number}`);
    // The first attempt, reported twice (a repeated Stripe event): one mail.
    for (const stripeEventId of ['evt_attempt1', 'evt_attempt1_again'])
      await inCls(() =>
        payments.markPaymentFailed(tenantId, { invoiceId: invoice.id }, { count: 1, stripeEventId }),
      );
    const failed = await exactlyOne(org.ownerEmail, failedSubject);
    expect(failed.attachments).toEqual([]);
    // Stripe's next attempt days later fails too: mailed again, once.
    for (let i = 0; i < 2; i++)
      await inCls(() =>
        payments.markPaymentFailed(
          tenantId,
          { invoiceId: invoice.id },
          { count: 2, stripeEventId: 'evt_attempt2' },
        ),
      );
    await t.smtp.waitFor(mailsTo(org.ownerEmail, failedSubject), 2, 20_000);
    await settle();
    expect(t.smtp.received.filter(mailsTo(org.ownerEmail, failedSubject))).toHaveLength(2);
    expect(t.smtp.received.filter(mailsTo(org.ownerEmail, subject))).toHaveLength(1);
  });
});
