import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { AppConfig } from '../../../config/app-config';
import { ConflictError, DomainError, InvalidError } from '../../../shared/domain/domain-error';
import { dec, sumMoney } from '../../../shared/domain/money';
import {
  CheckoutInput,
  GatewayCustomer,
  GatewayRefund,
  PaymentGateway,
  PaymentStatus,
  PushInvoiceInput,
  RefundInput,
  RefundStatus,
} from '../../../shared/contracts/payment-gateway';
import { roundForStripe, stripeIncrement, toStripeAmount } from './stripe-currencies';

/** Stripe refund statuses: requires_action and pending wait; canceled never moved money. */
const refundStatus = (status: string | null): RefundStatus =>
  status === 'succeeded' ? 'succeeded' : status === 'failed' || status === 'canceled' ? 'failed' : 'pending';

/** A refund that rounds down to nothing at Stripe (below its smallest increment in that currency). */
export const refundTooSmall = (amount: string, currency: string) =>
  new InvalidError(
    'refund_below_gateway_minimum',
    `A refund of ${amount} ${currency.toUpperCase()} rounds down to 0 at Stripe: refunds are rounded down to ` +
      `multiples of ${stripeIncrement(currency).toString()} ${currency.toUpperCase()} (never more than asked)`,
    [{ field: 'amount', message: `at least ${stripeIncrement(currency).toString()}` }],
  );

/** Stripe through the official SDK; host/port/protocol come from config (a local fake Stripe in tests). */
@Injectable()
export class StripePaymentGateway extends PaymentGateway {
  readonly enabled: boolean;
  private readonly stripe: Stripe | null;

  constructor(config: AppConfig) {
    super();
    const s = config.billing.stripe;
    this.enabled = !!s.secretKey;
    this.stripe = s.secretKey
      ? new Stripe(s.secretKey, {
          host: s.host,
          port: s.port,
          protocol: s.protocol,
          timeout: s.timeoutMs,
          maxNetworkRetries: 2,
          telemetry: false,
        })
      : null;
  }

  private client(): Stripe {
    if (!this.stripe)
      throw new DomainError(
        'unavailable',
        'payments_not_configured',
        'Stripe is not configured (STRIPE_SECRET_KEY)',
      );
    return this.stripe;
  }

  private async call<T>(fn: (stripe: Stripe) => Promise<T>): Promise<T> {
    const stripe = this.client();
    try {
      return await fn(stripe);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      const e = err as { type?: string; message?: string };
      if (e.type === 'StripeConnectionError')
        throw new DomainError(
          'upstream_timeout',
          'payment_gateway_unreachable',
          'Stripe could not be reached',
        );
      throw new DomainError(
        'upstream_failed',
        'payment_gateway_failed',
        `Stripe refused the request: ${e.message ?? 'unknown error'}`,
      );
    }
  }

  upsertCustomer(c: GatewayCustomer): Promise<string> {
    return this.call(async (stripe) => {
      const params = {
        name: c.name,
        ...(c.email ? { email: c.email } : {}),
        metadata: { tollgate_customer_id: c.id, tenant_id: c.tenantId },
      };
      const res = c.stripeCustomerId
        ? await stripe.customers.update(c.stripeCustomerId, params)
        : await stripe.customers.create(params, { idempotencyKey: `customer-${c.id}` });
      return res.id;
    });
  }

  createCheckoutSession(input: CheckoutInput): Promise<{ id: string; url: string }> {
    return this.call(async (stripe) => {
      const currency = input.currency.toLowerCase();
      const common = {
        customer: input.stripeCustomerId,
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        metadata: { ...input.metadata, tenant_id: input.tenantId, purpose: input.mode },
      };
      const session =
        input.mode === 'credit_top_up'
          ? await stripe.checkout.sessions.create(
              {
                ...common,
                mode: 'payment',
                line_items: [
                  {
                    quantity: 1,
                    price_data: {
                      currency,
                      unit_amount: toStripeAmount(input.amount ?? '0', input.currency),
                      product_data: { name: input.description },
                    },
                  },
                ],
              },
              { idempotencyKey: input.idempotencyKey },
            )
          : // Tollgate rates and invoices subscriptions itself: Checkout only saves the payment method.
            await stripe.checkout.sessions.create(
              { ...common, mode: 'setup', currency },
              { idempotencyKey: input.idempotencyKey },
            );
      return { id: session.id, url: session.url ?? '' };
    });
  }

  pushInvoice(input: PushInvoiceInput): Promise<{ externalId: string; hostedUrl?: string }> {
    return this.call(async (stripe) => {
      const currency = input.currency.toLowerCase();
      const key = `invoice-${input.invoiceId}`;
      const invoice = await stripe.invoices.create(
        {
          customer: input.stripeCustomerId,
          currency,
          collection_method: 'send_invoice',
          days_until_due: input.daysUntilDue ?? 30,
          auto_advance: false,
          description: `Invoice ${input.invoiceNumber}`,
          metadata: {
            tollgate_invoice_id: input.invoiceId,
            invoice_number: input.invoiceNumber,
            tenant_id: input.tenantId,
          },
        },
        { idempotencyKey: key },
      );
      const lines = [...input.lines];
      // Credits (and anything else applied after the lines) show as one adjustment so Stripe collects `total`.
      const difference = dec(input.total).minus(sumMoney(lines.map((l) => l.amount)));
      if (!difference.isZero()) lines.push({ description: 'Credits applied', amount: difference.toString() });
      // Stripe moves coarser amounts than the invoice keeps in some currencies (KWD 0.010, ISK 1): each line
      // is rounded to what Stripe accepts and one line takes the rounding, so Stripe collects the total
      // rounded once, half-even.
      const items = lines.map((l) => ({
        description: l.description,
        amount: toStripeAmount(roundForStripe(l.amount, input.currency, 'half_even'), input.currency),
      }));
      const collect = toStripeAmount(
        roundForStripe(input.total, input.currency, 'half_even'),
        input.currency,
      );
      const rounding = collect - items.reduce((sum, i) => sum + i.amount, 0);
      if (rounding !== 0)
        items.push({
          description: `Rounding to Stripe's ${input.currency} increment (${stripeIncrement(input.currency).toString()})`,
          amount: rounding,
        });
      for (const [i, item] of items.entries()) {
        await stripe.invoiceItems.create(
          {
            customer: input.stripeCustomerId,
            invoice: invoice.id,
            currency,
            amount: item.amount,
            description: item.description,
            metadata: { tollgate_invoice_id: input.invoiceId, tenant_id: input.tenantId },
          },
          { idempotencyKey: `${key}-line-${i}` },
        );
      }
      const finalized = await stripe.invoices.finalizeInvoice(
        invoice.id as string,
        {},
        { idempotencyKey: `${key}-finalize` },
      );
      return {
        externalId: finalized.id as string,
        ...(finalized.hosted_invoice_url ? { hostedUrl: finalized.hosted_invoice_url } : {}),
      };
    });
  }

  paymentStatus(externalInvoiceId: string): Promise<PaymentStatus> {
    return this.call(async (stripe) => {
      const invoice = await stripe.invoices.retrieve(externalInvoiceId);
      const known: PaymentStatus[] = ['draft', 'open', 'paid', 'void', 'uncollectible'];
      return known.includes(invoice.status as PaymentStatus) ? (invoice.status as PaymentStatus) : 'unknown';
    });
  }

  refundableAmount(amount: string, currency: string): string {
    // Never more than asked: a KWD 1.234 refund moves KWD 1.230.
    return roundForStripe(amount, currency, 'down').toFixed();
  }

  refundInvoicePayment(input: RefundInput): Promise<{ refundId: string; status: RefundStatus }> {
    const amount = this.refundableAmount(input.amount, input.currency);
    // Stripe refuses a refund of 0 (amount must be a positive integer): refused here, before any call.
    if (!dec(amount).gt(0)) return Promise.reject(refundTooSmall(input.amount, input.currency));
    return this.call(async (stripe) => {
      const invoice = await stripe.invoices.retrieve(input.externalInvoiceId, { expand: ['payments'] });
      const payment = invoice.payments?.data.find((p) => p.status === 'paid')?.payment;
      const idOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);
      const target = payment?.payment_intent
        ? { payment_intent: idOf(payment.payment_intent) }
        : payment?.charge
          ? { charge: idOf(payment.charge) }
          : null;
      if (!target)
        throw new ConflictError(
          'invoice_not_paid_at_gateway',
          `Stripe invoice ${input.externalInvoiceId} has no payment to refund`,
        );
      // Stripe forgets idempotency keys after 24 hours: a late retry first looks for its own refund
      // (a payment never has anywhere near 100 refunds).
      const existing = await stripe.refunds.list({ ...target, limit: 100 });
      const found = existing.data.find((r) => r.metadata?.tollgate_idempotency_key === input.idempotencyKey);
      const refund =
        found ??
        (await stripe.refunds.create(
          {
            ...target,
            amount: toStripeAmount(amount, input.currency),
            reason: 'requested_by_customer',
            metadata: {
              tenant_id: input.tenantId,
              tollgate_credit_note_id: input.creditNoteId,
              tollgate_idempotency_key: input.idempotencyKey,
              reason: input.reason.slice(0, 500),
            },
          },
          { idempotencyKey: input.idempotencyKey },
        ));
      return { refundId: refund.id, status: refundStatus(refund.status) };
    });
  }

  invoiceOfPaymentIntent(paymentIntentId: string): Promise<string | null> {
    return this.call(async (stripe) => {
      const payments = await stripe.invoicePayments.list({
        payment: { type: 'payment_intent', payment_intent: paymentIntentId },
        limit: 1,
      });
      const invoice = payments.data[0]?.invoice;
      return invoice ? (typeof invoice === 'string' ? invoice : (invoice.id ?? null)) : null;
    });
  }

  refundsOfCharge(chargeId: string): Promise<GatewayRefund[]> {
    return this.call(async (stripe) => {
      const refunds = await stripe.refunds.list({ charge: chargeId, limit: 100 });
      return refunds.data.map((r) => ({
        id: r.id,
        status: refundStatus(r.status),
        failureReason: r.failure_reason ?? null,
      }));
    });
  }

  voidInvoice(input: { tenantId: string; externalInvoiceId: string; idempotencyKey: string }): Promise<void> {
    return this.call(async (stripe) => {
      const invoice = await stripe.invoices.retrieve(input.externalInvoiceId);
      if (invoice.status === 'void') return;
      await stripe.invoices.voidInvoice(
        input.externalInvoiceId,
        {},
        { idempotencyKey: input.idempotencyKey },
      );
    });
  }
}
