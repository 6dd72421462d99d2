import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * A small Stripe API stand-in for tests, driven by the real `stripe` SDK (host/port/protocol pointed here).
 * Parses the SDK's form-encoded bodies (nested `a[b][0][c]=v` keys), honours Idempotency-Key, and keeps
 * the objects it created so tests can assert on them and move invoices to `paid`.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, any>;
  idempotencyKey?: string;
}

type Obj = Record<string, any>;

/** `line_items[0][price_data][currency]=usd` → { line_items: [{ price_data: { currency: 'usd' } }] } */
export function parseStripeForm(raw: string): Obj {
  const root: Obj = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Obj = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = node[part] ??= {};
    });
  }
  const arrays = (o: any): any => {
    if (typeof o !== 'object' || o === null) return o;
    const keys = Object.keys(o);
    const mapped = Object.fromEntries(keys.map((k) => [k, arrays(o[k])]));
    return keys.length && keys.every((k) => /^\d+$/.test(k))
      ? keys.sort((x, y) => +x - +y).map((k) => mapped[k])
      : mapped;
  };
  return arrays(root);
}

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

/**
 * What real Stripe refuses in an `amount` (https://docs.stripe.com/currencies), written out here on its own
 * so a mistake in Tollgate's currency table cannot hide itself: an integer always; three-decimal currencies
 * end in 0; ISK and UGX are whole units written with two decimals (multiples of 100).
 */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);
const WHOLE_UNITS_AS_TWO_DECIMALS = new Set(['isk', 'ugx']);
export function stripeAmountRefusal(raw: unknown, currency: unknown): string | null {
  const amount = Number(raw);
  const cur = String(currency ?? '').toLowerCase();
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw) || !Number.isSafeInteger(amount))
    return `Invalid integer: ${String(raw)}`;
  if (THREE_DECIMAL.has(cur) && amount % 10 !== 0)
    return `Invalid amount. ${cur.toUpperCase()} amounts must have 0 as the last digit (e.g. 5120, not 5124).`;
  if (WHOLE_UNITS_AS_TWO_DECIMALS.has(cur) && amount % 100 !== 0)
    return (
      `Invalid amount. Currency ${cur.toUpperCase()} has become effectively zero-decimal and charged ` +
      `amounts must be evenly divisible by 100.`
    );
  return null;
}

const amountError = (message: string, param: string) => ({
  error: {
    type: 'invalid_request_error',
    code: /divisible by 100/.test(message)
      ? 'invalid_charge_amount_no_decimal_compatible'
      : 'invalid_charge_amount',
    param,
    message,
  },
});

export class FakeStripe {
  readonly requests: RecordedRequest[] = [];
  readonly customers = new Map<string, Obj>();
  readonly sessions = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly paymentIntents = new Map<string, Obj>();
  readonly refunds = new Map<string, Obj>();
  readonly charges = new Map<string, Obj>();
  /** Status new refunds get (Stripe answers `pending` for some payment methods, then sends refund.updated). */
  refundStatus: 'succeeded' | 'pending' = 'succeeded';
  /** Answer the next N requests with a 500 (to test retries and error mapping). */
  failNext = 0;
  /** Answer every request this much later, as a slow Stripe (or a loaded machine) does. */
  latencyMs = 0;
  /** Awaited before each answer with its route ('GET /v1/refunds'): what callers hold open meanwhile. */
  beforeAnswer?: (route: string) => Promise<void>;
  private readonly idempotent = new Map<string, { status: number; body: Obj }>();
  private readonly lostResponses = new Map<string, number>();
  private server?: Server;

  async start(): Promise<{ host: string; port: number; url: string }> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return { host: '127.0.0.1', port, url: `http://127.0.0.1:${port}` };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * Processes the next `times` requests to `route` (e.g. 'POST /v1/refunds') but answers 500, as when the
   * response is lost after Stripe acted: only the Idempotency-Key keeps the SDK's retry from acting twice.
   */
  loseNextResponse(route: string, times = 1): void {
    this.lostResponses.set(route, times);
  }

  /** Moves a refund to a new status, as Stripe does before it sends refund.updated. */
  setRefundStatus(
    refundId: string,
    status: 'succeeded' | 'failed' | 'canceled',
    failureReason?: string,
  ): Obj {
    const refund = this.refunds.get(refundId)!;
    Object.assign(refund, { status, ...(failureReason ? { failure_reason: failureReason } : {}) });
    return refund;
  }

  /**
   * Pays the invoice with a new payment intent and its charge (listed in `payments`, as with
   * `expand[]=payments`). Like Stripe's, the invoice's payment intent carries no invoice id or metadata.
   */
  markPaid(invoiceId: string): void {
    const inv = this.invoices.get(invoiceId);
    if (!inv) return;
    const created = Math.floor(Date.now() / 1000);
    const pi = {
      id: id('pi'),
      object: 'payment_intent',
      amount: inv.amount_due,
      amount_received: inv.amount_due,
      amount_refunded: 0,
      currency: inv.currency,
      customer: inv.customer,
      status: 'succeeded',
      created,
      livemode: false,
      metadata: {},
      latest_charge: id('ch'),
    };
    this.charges.set(pi.latest_charge, {
      id: pi.latest_charge,
      object: 'charge',
      amount: pi.amount,
      amount_captured: pi.amount,
      amount_refunded: 0,
      captured: true,
      currency: pi.currency,
      customer: inv.customer,
      paid: true,
      payment_intent: pi.id,
      refunded: false,
      status: 'succeeded',
      created,
      livemode: false,
      metadata: {},
    });
    this.paymentIntents.set(pi.id, pi);
    Object.assign(inv, {
      status: 'paid',
      amount_paid: inv.amount_due,
      amount_remaining: 0,
      payments: {
        object: 'list',
        has_more: false,
        data: [
          {
            id: id('inpay'),
            object: 'invoice_payment',
            status: 'paid',
            amount_paid: inv.amount_due,
            payment: { type: 'payment_intent', payment_intent: pi.id },
          },
        ],
      },
    });
  }

  /**
   * An invoice made at Stripe without Tollgate's push (in the dashboard, by another integration): one
   * invoice item, finalized. Returns its id.
   */
  addInvoice(input: { amount: number; currency: string; description: string; metadata?: Obj }): string {
    const [, customer] = this.route('POST', '/v1/customers', { name: 'Dashboard customer' });
    const [, inv] = this.route('POST', '/v1/invoices', {
      customer: customer.id,
      currency: input.currency,
      collection_method: 'send_invoice',
      metadata: input.metadata ?? {},
    });
    const { amount, currency, description } = input;
    this.route('POST', '/v1/invoiceitems', {
      customer: customer.id,
      invoice: inv.id,
      amount,
      currency,
      description,
    });
    this.route('POST', `/v1/invoices/${inv.id as string}/finalize`, {});
    return inv.id as string;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const url = new URL(req.url ?? '/', 'http://fake');
    await this.beforeAnswer?.(`${req.method} ${url.pathname}`);
    const body = parseStripeForm(Buffer.concat(chunks).toString('utf8'));
    const key = req.headers['idempotency-key'] as string | undefined;
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, body, idempotencyKey: key });
    const send = (status: number, payload: Obj) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
      res.end(JSON.stringify(payload));
    };
    if (!String(req.headers.authorization ?? '').startsWith('Bearer sk_'))
      return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    if (this.failNext > 0) {
      this.failNext--;
      return send(500, { error: { type: 'api_error', message: 'Simulated outage' } });
    }
    if (key && this.idempotent.has(`${req.method} ${url.pathname} ${key}`)) {
      const hit = this.idempotent.get(`${req.method} ${url.pathname} ${key}`)!;
      return send(hit.status, hit.body);
    }
    const [status, payload] = this.route(req.method ?? 'GET', url.pathname, {
      ...parseStripeForm(url.search.slice(1)),
      ...body,
    });
    if (key && status < 500)
      this.idempotent.set(`${req.method} ${url.pathname} ${key}`, { status, body: payload });
    const route = `${req.method} ${url.pathname}`;
    const lost = this.lostResponses.get(route) ?? 0;
    if (lost > 0) {
      this.lostResponses.set(route, lost - 1);
      return send(500, { error: { type: 'api_error', message: 'Simulated lost response' } });
    }
    send(status, payload);
  }

  private route(method: string, path: string, body: Obj): [number, Obj] {
    const notFound: [number, Obj] = [
      404,
      { error: { type: 'invalid_request_error', message: `No such resource: ${path}` } },
    ];
    const invalid = (message: string) => ({ error: { type: 'invalid_request_error', message } });
    let m: RegExpMatchArray | null;
    if (method === 'POST' && path === '/v1/customers') {
      // Stripe numbers a customer's invoices with a prefix of its own and a sequence: ABCD1234-0001.
      const prefix = randomBytes(4).toString('hex').toUpperCase();
      const c = {
        id: id('cus'),
        object: 'customer',
        invoice_prefix: prefix,
        next_invoice_sequence: 1,
        ...body,
      };
      this.customers.set(c.id, c);
      return [200, c];
    }
    if (method === 'POST' && (m = path.match(/^\/v1\/customers\/([^/]+)$/))) {
      const c = this.customers.get(m[1]);
      if (!c) return notFound;
      Object.assign(c, body);
      return [200, c];
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (!body.customer || !body.mode || !body.success_url)
        return [400, { error: { type: 'invalid_request_error', message: 'Missing required param' } }];
      for (const item of (body.line_items ?? []) as Obj[]) {
        const refusal =
          item.price_data && stripeAmountRefusal(item.price_data.unit_amount, item.price_data.currency);
        if (refusal) return [400, amountError(refusal, 'line_items[0][price_data][unit_amount]')];
      }
      const s = {
        id: id('cs_test'),
        object: 'checkout.session',
        url: `https://checkout.stripe.test/${id('pay')}`,
        status: 'open',
        ...body,
      };
      this.sessions.set(s.id, s);
      return [200, s];
    }
    if (method === 'POST' && path === '/v1/invoices') {
      const inv = {
        id: id('in'),
        object: 'invoice',
        status: 'draft',
        created: Math.floor(Date.now() / 1000),
        lines: [] as Obj[],
        amount_due: 0,
        ...body,
      };
      this.invoices.set(inv.id, inv);
      return [200, inv];
    }
    if (method === 'POST' && path === '/v1/invoiceitems') {
      const inv = this.invoices.get(body.invoice);
      if (!inv) return notFound;
      if (inv.status !== 'draft')
        return [400, { error: { type: 'invalid_request_error', message: 'Invoice is not a draft' } }];
      const refusal = stripeAmountRefusal(body.amount, body.currency ?? inv.currency);
      if (refusal) return [400, amountError(refusal, 'amount')];
      const item = { id: id('ii'), object: 'invoiceitem', ...body, amount: Number(body.amount) };
      inv.lines.push(item);
      inv.amount_due += item.amount;
      return [200, item];
    }
    if (method === 'POST' && (m = path.match(/^\/v1\/invoices\/([^/]+)\/finalize$/))) {
      const inv = this.invoices.get(m[1]);
      if (!inv) return notFound;
      if (inv.status === 'draft') {
        const customer = this.customers.get(inv.customer) ?? {
          invoice_prefix: 'FAKE0000',
          next_invoice_sequence: 1,
        };
        const number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence++).padStart(4, '0')}`;
        Object.assign(inv, {
          status: 'open',
          number,
          hosted_invoice_url: `https://invoice.stripe.test/${inv.id}`,
        });
      }
      return [200, inv];
    }
    if (method === 'POST' && (m = path.match(/^\/v1\/invoices\/([^/]+)\/void$/))) {
      const inv = this.invoices.get(m[1]);
      if (!inv) return notFound;
      if (inv.status !== 'open' && inv.status !== 'uncollectible')
        return [400, invalid(`You can only void open invoices (this one is ${inv.status})`)];
      inv.status = 'void';
      return [200, inv];
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const pi = this.paymentIntents.get(body.payment_intent);
      if (!pi) return [400, invalid('Refunds here need a known payment_intent')];
      const refusal = body.amount === undefined ? null : stripeAmountRefusal(body.amount, pi.currency);
      if (refusal) return [400, amountError(refusal, 'amount')];
      const amount = body.amount === undefined ? pi.amount - pi.amount_refunded : Number(body.amount);
      // Stripe's answer to amount=0 (parameter_invalid_integer): a refund must move at least one minor unit.
      if (Number.isInteger(amount) && amount <= 0)
        return [
          400,
          {
            error: {
              type: 'invalid_request_error',
              code: 'parameter_invalid_integer',
              param: 'amount',
              message: 'This value must be greater than or equal to 1.',
            },
          },
        ];
      if (!Number.isInteger(amount) || amount > pi.amount - pi.amount_refunded)
        return [400, invalid(`Refund amount ${body.amount} exceeds what is refundable`)];
      pi.amount_refunded += amount;
      const charge = this.charges.get(pi.latest_charge);
      if (charge)
        Object.assign(charge, {
          amount_refunded: charge.amount_refunded + amount,
          refunded: charge.amount_refunded + amount >= charge.amount,
        });
      const refund = {
        id: id('re'),
        object: 'refund',
        status: this.refundStatus,
        currency: pi.currency,
        charge: pi.latest_charge ?? null,
        created: Math.floor(Date.now() / 1000),
        metadata: {},
        ...body,
        amount,
      };
      this.refunds.set(refund.id, refund);
      return [200, refund];
    }
    if (method === 'GET' && path === '/v1/refunds') {
      const data = [...this.refunds.values()].filter(
        (r) =>
          (!body.payment_intent || r.payment_intent === body.payment_intent) &&
          (!body.charge || r.charge === body.charge),
      );
      return [200, { object: 'list', url: '/v1/refunds', has_more: false, data }];
    }
    if (method === 'GET' && path === '/v1/invoice_payments') {
      const pi = body.payment?.payment_intent;
      const data = [...this.invoices.values()].flatMap((inv) =>
        ((inv.payments?.data ?? []) as Obj[])
          .filter((p) => !pi || p.payment?.payment_intent === pi)
          .map((p) => ({ ...p, invoice: inv.id })),
      );
      return [200, { object: 'list', url: '/v1/invoice_payments', has_more: false, data }];
    }
    if (method === 'GET' && (m = path.match(/^\/v1\/invoices\/([^/]+)$/))) {
      const inv = this.invoices.get(m[1]);
      return inv ? [200, inv] : notFound;
    }
    return notFound;
  }
}
