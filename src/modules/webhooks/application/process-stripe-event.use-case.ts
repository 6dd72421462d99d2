import { Injectable, Logger } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { InvoicePayments } from '../../../shared/contracts/invoice-payments';
import { DomainError } from '../../../shared/domain/domain-error';
import { isUuid } from '../../../shared/domain/ids';
import { asTenantId, TenantId } from '../../../shared/domain/tenant-id';
import {
  HANDLED_STRIPE_EVENTS,
  invoiceStatusRank,
  mapSubscriptionStatus,
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

/**
 * Applies one stored Stripe event, exactly once: the event row is locked for the whole transaction and
 * marked processed in it, so duplicates and concurrent workers are no-ops. Effects go through
 * BillingForInvoicing and InvoicePayments; per-object state ranks keep late events from moving state back.
 */
@Injectable()
export class ProcessStripeEvent {
  private readonly logger = new Logger(ProcessStripeEvent.name);

  constructor(
    private readonly events: StripeEventRepository,
    private readonly billing: BillingForInvoicing,
    private readonly invoices: InvoicePayments,
  ) {}

  @Transactional()
  async execute(stripeEventId: string): Promise<StripeEventOutcome> {
    const event = await this.events.lockForProcessing(stripeEventId);
    if (!event)
      throw new DomainError(
        'unavailable',
        'stripe_event_not_stored',
        `event ${stripeEventId} not stored yet`,
      );
    if (event.status === 'processed' || event.status === 'ignored') return 'duplicate';

    const object = event.payload.data.object;
    const tenantId = await this.tenantOf(event, object);
    if (!(HANDLED_STRIPE_EVENTS as readonly string[]).includes(event.type) || !tenantId) {
      await this.events.finish(
        stripeEventId,
        'ignored',
        tenantId,
        tenantId ? undefined : 'no Tollgate tenant in metadata',
      );
      return 'ignored';
    }
    const applied = await this.apply(event, object, tenantId);
    await this.events.finish(
      stripeEventId,
      applied ? 'processed' : 'ignored',
      tenantId,
      applied ? undefined : 'stale or not linked',
    );
    return applied ? 'processed' : 'ignored';
  }

  private async tenantOf(event: StoredStripeEvent, object: StripeObject): Promise<TenantId | null> {
    const fromMetadata = event.tenantId ?? tenantOfStripeObject(object);
    if (fromMetadata && isUuid(fromMetadata)) return asTenantId(fromMetadata);
    if (object.object === 'invoice') return this.invoices.tenantOfStripeInvoice(object.id);
    return null;
  }

  /** Returns false when the event changed nothing (older than the known state, or not linked to us). */
  private async apply(event: StoredStripeEvent, o: StripeObject, tenantId: TenantId): Promise<boolean> {
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
        return (await this.invoices.markPaymentFailed(tenantId, this.invoiceRef(o))) !== 'not_found';
      }
      case 'payment_intent.succeeded': {
        const ref = md.tollgate_invoice_id
          ? { invoiceId: md.tollgate_invoice_id }
          : str(o.invoice)
            ? { stripeInvoiceId: str(o.invoice) }
            : null;
        if (!ref) return false;
        return (await this.invoices.markPaid(tenantId, ref, eventCreated)) !== 'not_found';
      }
      case 'charge.refunded': {
        if (!md.tollgate_credit_note_id || !isUuid(md.tollgate_credit_note_id)) return false;
        await this.invoices.markRefunded(tenantId, md.tollgate_credit_note_id);
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
