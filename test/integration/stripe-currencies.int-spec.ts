import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { loadConfig } from '../../src/config/app-config';
import { StripePaymentGateway } from '../../src/modules/billing/adapters/stripe-payment-gateway';
import { FakeStripe } from '../fakes/fake-stripe';

/**
 * Amounts in Stripe's special currencies, through the real SDK against the fake Stripe, which refuses what
 * real Stripe refuses (https://docs.stripe.com/currencies#special-cases).
 */
describe('Stripe currency rules (gateway against the fake Stripe)', () => {
  const fake = new FakeStripe();
  let gateway: StripePaymentGateway;
  let sdk: Stripe;
  let customer: string;

  beforeAll(async () => {
    const api = await fake.start();
    const config = loadConfig(process.env, { STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_API_BASE: api.url });
    gateway = new StripePaymentGateway(config);
    sdk = new Stripe('sk_test_fake', {
      host: api.host,
      port: api.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    customer = await gateway.upsertCustomer({
      id: randomUUID(),
      tenantId: randomUUID(),
      name: 'Currencies',
      email: null,
      stripeCustomerId: null,
    });
  });
  afterAll(() => fake.stop());

  /** Pushes an invoice and answers the `amount` of each invoice item Stripe received, and what it collects. */
  async function push(currency: string, lines: string[], total: string) {
    const { externalId } = await gateway.pushInvoice({
      tenantId: randomUUID(),
      stripeCustomerId: customer,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-1',
      currency,
      lines: lines.map((amount, i) => ({ description: `line ${i}`, amount })),
      total,
    });
    const invoice = fake.invoices.get(externalId)!;
    return { items: invoice.lines.map((l: { amount: number }) => l.amount), due: invoice.amount_due };
  }

  it('the fake refuses what Stripe refuses: KWD not ending in 0, ISK and UGX not in whole units', async () => {
    const item = async (currency: string, amount: number) => {
      const invoice = await sdk.invoices.create({ customer, currency });
      return sdk.invoiceItems.create({ customer, invoice: invoice.id, currency, amount });
    };
    await expect(item('kwd', 1234)).rejects.toThrow(/last digit/);
    await expect(item('isk', 5)).rejects.toThrow(/divisible by 100/);
    await expect(item('ugx', 60001)).rejects.toThrow(/divisible by 100/);
    await expect(item('jpy', 500)).resolves.toBeTruthy();
  });

  it('zero-decimal (JPY): whole yen as they are', async () => {
    expect(await push('JPY', ['500', '1'], '501')).toEqual({ items: [500, 1], due: 501 });
  });

  it('two-decimal (USD): cents', async () => {
    expect(await push('USD', ['12.34'], '12.34')).toEqual({ items: [1234], due: 1234 });
  });

  it('ISK: whole krónur written with two decimals (5 ISK is 500)', async () => {
    expect(await push('ISK', ['5', '1200'], '1205')).toEqual({ items: [500, 120000], due: 120500 });
  });

  it('UGX: whole shillings written with two decimals (USh 60,000 is 6000000)', async () => {
    expect(await push('UGX', ['60000'], '60000')).toEqual({ items: [6000000], due: 6000000 });
  });

  it('HUF and TWD: two-decimal for charges, fractions allowed (only payouts need whole units)', async () => {
    expect(await push('HUF', ['1234.56'], '1234.56')).toEqual({ items: [123456], due: 123456 });
    expect(await push('TWD', ['99.99'], '99.99')).toEqual({ items: [9999], due: 9999 });
  });

  it('three-decimal (KWD): last digit 0, each line rounded half-even and one line takes the rounding', async () => {
    // 1.234 -> 1.230; 1.236 -> 1.240 (half-even to 0.010): lines already sum to the rounded total.
    expect(await push('KWD', ['1.234', '1.236'], '2.470')).toEqual({ items: [1230, 1240], due: 2470 });
    // 0.005 + 0.005: each line rounds to 0.000 (half-even), the total 0.010 is collected through a rounding line.
    expect(await push('KWD', ['0.005', '0.005'], '0.010')).toEqual({ items: [0, 0, 10], due: 10 });
    // Credits applied after the lines come through as a line of their own, also rounded.
    expect(await push('BHD', ['10.000'], '7.655')).toEqual({ items: [10000, -2340], due: 7660 });
  });

  it('refunds never move more than asked: KWD 1.234 is refunded as 1.230', async () => {
    const pushed = await gateway.pushInvoice({
      tenantId: randomUUID(),
      stripeCustomerId: customer,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2',
      currency: 'KWD',
      lines: [{ description: 'fee', amount: '5.000' }],
      total: '5.000',
    });
    fake.markPaid(pushed.externalId);
    const refund = await gateway.refundInvoicePayment({
      tenantId: randomUUID(),
      externalInvoiceId: pushed.externalId,
      amount: '1.234',
      currency: 'KWD',
      reason: 'test',
      idempotencyKey: randomUUID(),
      creditNoteId: randomUUID(),
    });
    expect(fake.refunds.get(refund.refundId)).toMatchObject({ amount: 1230, currency: 'kwd' });

    // Below 0.010 KWD a refund rounds down to 0, which Stripe refuses: refused before the call.
    const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds').length;
    const before = posts();
    const tooSmall = (amount: string) =>
      gateway.refundInvoicePayment({
        tenantId: randomUUID(),
        externalInvoiceId: pushed.externalId,
        amount,
        currency: 'KWD',
        reason: 'test',
        idempotencyKey: randomUUID(),
        creditNoteId: randomUUID(),
      });
    await expect(tooSmall('0.004')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'refund_below_gateway_minimum',
    });
    await expect(tooSmall('0.009')).rejects.toMatchObject({ code: 'refund_below_gateway_minimum' });
    expect(posts()).toBe(before);
    expect(gateway.refundableAmount('0.019', 'KWD')).toBe('0.01');
    const pi = fake.invoices.get(pushed.externalId)!.payments.data[0].payment.payment_intent as string;
    await expect(sdk.refunds.create({ payment_intent: pi, amount: 0 })).rejects.toMatchObject({
      code: 'parameter_invalid_integer',
    });
  });

  it('a top-up Stripe cannot charge is refused before it reaches Stripe (400, amount_not_chargeable)', async () => {
    const checkout = (currency: string, amount: string) =>
      gateway.createCheckoutSession({
        tenantId: randomUUID(),
        stripeCustomerId: customer,
        mode: 'credit_top_up',
        currency,
        amount,
        description: 'Credits',
        successUrl: 'https://example.test/ok',
        cancelUrl: 'https://example.test/cancel',
        metadata: {},
        idempotencyKey: randomUUID(),
      });
    await expect(checkout('ISK', '5.5')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'amount_not_chargeable',
    });
    await expect(checkout('KWD', '1.234')).rejects.toMatchObject({ code: 'amount_not_chargeable' });
    await expect(checkout('ISK', '5')).resolves.toMatchObject({ id: expect.stringMatching(/^cs_test_/) });
    const sent = fake.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!;
    expect(sent.body.line_items[0].price_data.unit_amount).toBe('500');
  });
});
