import { Injectable, Logger } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { InvoicePayments, StripeRefundState } from '../../../shared/contracts/invoice-payments';
import { DomainError } from '../../../shared/domain/domain-error';
import { isUuid } from '../../../shared/domain/ids';
import { asTenantId, TenantId } from '../../../shared/domain/tenant-id';
import {
  HANDLED_STRIPE_EVENTS,
  invoiceStatusRank,
  mapRefundStatus,
  mapSubscriptionStatus,
  refundStatusRank,
  StoredStripeEvent,
  StripeObject,
  subscriptionStatusRank,
  tenantOfStripeObject,
} from '../domain/stripe-event';
import { StripeEventRepository } from '../domain/stripe-event.repository.port';

export type StripeEventOutcome = 'processed' | 'ignored' | 'duplicate';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const toDate = (seconds: unknown, fallback: Date) =>
  typeof seconds === 'number' ? new Date(seconds * 1000) : fallback;

/** What an event needs from Stripe's API, asked before the transaction opens. */
interface StripeAnswers {
  /** The Stripe invoice the event's payment intent paid (only asked when no invoice has it stored yet). */
  stripeInvoiceOfPaymentIntent?: string | null;
  /** charge.refunded: the charge's refunds with their status. */
  refundsOfCharge?: StripeRefundState[];
}

/**
 * Applies one stored Stripe event, exactly once: the event row is locked for the whole transaction and
 * marked processed in it, so duplicates and concurrent workers are no-ops. Effects go through
 * BillingForInvoicing and InvoicePayments; per-object state ranks keep late events from moving state back.
 * What the event needs from Stripe's API is asked first, outside the transaction: a slow Stripe never
 * holds a Postgres transaction (and the event row's lock) open. The answers only read Stripe, so asking
 * again on a retry is harmless.
 */
@Injectable()
export class ProcessStripeEvent {
  private readonly logger = new Logger(ProcessStripeEvent.name);

  constructor(
    private readonly events: StripeEventRepository,
    private readonly billing: BillingForInvoicing,
    private readonly invoices: InvoicePayments,
  ) {}

  async execute(stripeEventId: string): Promise<StripeEventOutcome> {
    const stored = await this.events.find(stripeEventId);
    const answers =
      stored && stored.status !== 'processed' && stored.status !== 'ignored'
        ? await this.askStripe(stored)
        : {};
    return this.applyOnce(stripeEventId, answers);
  }

  private async askStripe(event: StoredStripeEvent): Promise<StripeAnswers> {
    if (!(HANDLED_STRIPE_EVENTS as readonly string[]).includes(event.type)) return {};
    const o = event.payload.data.object;
    const answers: StripeAnswers = {};
    const paymentIntent =
      o.object === 'payment_intent' ? o.id : o.object === 'charge' ? str(o.payment_intent) : undefined;
    if (paymentIntent && !(await this.invoices.invoiceOfPaymentIntent(paymentIntent)))
      answers.stripeInvoiceOfPaymentIntent = await this.invoices.stripeInvoiceOfPaymentIntent(paymentIntent);
    if (event.type === 'charge.refunded') answers.refundsOfCharge = await this.invoices.refundsOfCharge(o.id);
    return answers;
  }

  @Transactional()
  private async applyOnce(stripeEventId: string, answers: StripeAnswers): Promise<StripeEventOutcome> {
    const event = await this.events.lockForProcessing(stripeEventId);
    if (!event)
      throw new DomainError(
        'unavailable',
        'stripe_event_not_stored',
        `event ${stripeEventId} not stored yet`,
      );
    if (event.status === 'processed' || event.status === 'ignored') return 'duplicate';

    const object = event.payload.data.object;
    const tenantId = await this.tenantOf(event, object, answers);
    if (!(HANDLED_STRIPE_EVENTS as readonly string[]).includes(event.type) || !tenantId) {
      await this.events.finish(
        stripeEventId,
        'ignored',
        tenantId,
        tenantId ? undefined : 'no Tollgate tenant in metadata',
      );
      return 'ignored';
    }
    const applied = await this.apply(event, object, tenantId, answers);
    await this.events.finish(
      stripeEventId,
      applied ? 'processed' : 'ignored',
      tenantId,
      applied ? undefined : 'stale or not linked',
    );
    return applied ? 'processed' : 'ignored';
  }

  /**
   * Whose event it is: Tollgate's metadata when the object carries it, else the Stripe id Tollgate stored
   * when it created the object (invoice, refund) or learned it (the payment intent that paid an invoice).
   */
  private async tenantOf(
    event: StoredStripeEvent,
    object: StripeObject,
    answers: StripeAnswers,
  ): Promise<TenantId | null> {
    const linkedInvoice = (paymentIntent: string) =>
      this.invoices.invoiceOfPaymentIntent(paymentIntent, answers.stripeInvoiceOfPaymentIntent);
    const fromMetadata = event.tenantId ?? tenantOfStripeObject(object);
    if (fromMetadata && isUuid(fromMetadata)) return asTenantId(fromMetadata);
    switch (object.object) {
      case 'invoice':
        return this.invoices.tenantOfStripeInvoice(object.id);
      case 'payment_intent':
        return (await linkedInvoice(object.id))?.tenantId ?? null;
      case 'charge': {
        const pi = str(object.payment_intent);
        return pi ? ((await linkedInvoice(pi))?.tenantId ?? null) : null;
      }
      case 'refund':
        return (await this.invoices.creditNoteOfRefund(object.id))?.tenantId ?? null;
      default:
        return null;
    }
  }

  /** Returns false when the event changed nothing (older than the known state, or not linked to us). */
  private async apply(
    event: StoredStripeEvent,
    o: StripeObject,
    tenantId: TenantId,
    answers: StripeAnswers,
  ): Promise<boolean> {
    const eventCreated = event.eventCreated;
    const advance = (status: string, rank: number) =>
      this.events.advanceObjectState({
        objectId: o.id,
        objectType: o.object,
        tenantId,
        status,
        rank,
        objectCreated: toDate(o.created, eventCreated),
        eventCreated,
      });
    const md = o.metadata ?? {};

    switch (event.type) {
      case 'checkout.session.completed': {
        if (md.purpose === 'credit_top_up') {
          if (o.payment_status !== 'paid' || !md.tollgate_customer_id || !md.credit_amount) return false;
          await this.billing.grantCredits({
            tenantId,
            customerId: md.tollgate_customer_id,
            amount: md.credit_amount,
            reference: `stripe_checkout:${o.id}`,
            description: 'Credit top-up (Stripe Checkout)',
          });
          return true;
        }
        if (!md.tollgate_subscription_id) return false;
        await this.billing.setSubscriptionStatus(tenantId, md.tollgate_subscription_id, 'active');
        return true;
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted': {
        const stripeStatus =
          event.type === 'customer.subscription.deleted' ? 'canceled' : String(o.status ?? '');
        const status = mapSubscriptionStatus(stripeStatus);
        if (!status || !md.tollgate_subscription_id) return false;
        if (!(await advance(stripeStatus, subscriptionStatusRank(stripeStatus)))) return false;
        // Billing announces subscription.updated itself when the status really changes.
        await this.billing.setSubscriptionStatus(tenantId, md.tollgate_subscription_id, status);
        return true;
      }
      case 'invoice.finalized':
        return advance('open', invoiceStatusRank('open'));
      case 'invoice.paid': {
        if (!(await advance('paid', invoiceStatusRank('paid')))) return false;
        const paidAt = toDate(
          (o.status_transitions as { paid_at?: number } | undefined)?.paid_at,
          eventCreated,
        );
        const result = await this.invoices.markPaid(tenantId, this.invoiceRef(o), paidAt);
        return result !== 'not_found';
      }
      case 'invoice.payment_failed': {
        if (!(await advance('payment_failed', invoiceStatusRank('payment_failed')))) return false;
        const attempt = {
          count: typeof o.attempt_count === 'number' ? o.attempt_count : null,
          stripeEventId: event.stripeEventId,
        };
        return (await this.invoices.markPaymentFailed(tenantId, this.invoiceRef(o), attempt)) !== 'not_found';
      }
      case 'payment_intent.succeeded': {
        // An invoice's payment intent names no invoice: linked by the payment intent id.
        const linked = md.tollgate_invoice_id
          ? null
          : await this.invoices.invoiceOfPaymentIntent(o.id, answers.stripeInvoiceOfPaymentIntent);
        const invoiceId = md.tollgate_invoice_id ?? (linked?.tenantId === tenantId ? linked.invoiceId : null);
        if (!invoiceId || !isUuid(invoiceId)) return false;
        return (await this.invoices.markPaid(tenantId, { invoiceId }, eventCreated)) !== 'not_found';
      }
      case 'charge.refunded': {
        // The event carries the Charge, not its refunds: each refund of the charge is matched by its id.
        let linked = false;
        for (const refund of answers.refundsOfCharge ?? []) {
          const note = await this.invoices.creditNoteOfRefund(refund.id);
          if (!note || note.tenantId !== tenantId) continue;
          linked = true;
          await this.invoices.recordRefundStatus(tenantId, note.creditNoteId, refund);
        }
        return linked;
      }
      case 'refund.created':
      case 'refund.updated':
      case 'refund.failed': {
        const byId = await this.invoices.creditNoteOfRefund(o.id);
        const creditNoteId =
          byId?.tenantId === tenantId
            ? byId.creditNoteId
            : md.tollgate_credit_note_id && isUuid(md.tollgate_credit_note_id)
              ? md.tollgate_credit_note_id
              : null;
        if (!creditNoteId) return false;
        const status = String(o.status ?? '');
        if (!(await advance(status, refundStatusRank(status)))) return false;
        await this.invoices.recordRefundStatus(tenantId, creditNoteId, {
          id: o.id,
          status: mapRefundStatus(status),
          failureReason: str(o.failure_reason) ?? null,
        });
        return true;
      }
      default:
        this.logger.warn({ type: event.type }, 'handled Stripe event type without a handler');
        return false;
    }
  }

  private invoiceRef(o: StripeObject): { invoiceId?: string; stripeInvoiceId?: string } {
    const id = o.metadata?.tollgate_invoice_id;
    return id && isUuid(id) ? { invoiceId: id } : { stripeInvoiceId: o.id };
  }
}
