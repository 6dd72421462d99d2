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
var ProcessStripeEvent_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProcessStripeEvent = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const billing_for_invoicing_1 = require("../../../shared/contracts/billing-for-invoicing");
const invoice_payments_1 = require("../../../shared/contracts/invoice-payments");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const tenant_id_1 = require("../../../shared/domain/tenant-id");
const stripe_event_1 = require("../domain/stripe-event");
const stripe_event_repository_port_1 = require("../domain/stripe-event.repository.port");
const str = (v) => (typeof v === 'string' && v ? v : undefined);
const toDate = (seconds, fallback) => typeof seconds === 'number' ? new Date(seconds * 1000) : fallback;
let ProcessStripeEvent = ProcessStripeEvent_1 = class ProcessStripeEvent {
    events;
    billing;
    invoices;
    logger = new common_1.Logger(ProcessStripeEvent_1.name);
    constructor(events, billing, invoices) {
        this.events = events;
        this.billing = billing;
        this.invoices = invoices;
    }
    async execute(stripeEventId) {
        const event = await this.events.lockForProcessing(stripeEventId);
        if (!event)
            throw new domain_error_1.DomainError('unavailable', 'stripe_event_not_stored', `event ${stripeEventId} not stored yet`);
        if (event.status === 'processed' || event.status === 'ignored')
            return 'duplicate';
        const object = event.payload.data.object;
        const tenantId = await this.tenantOf(event, object);
        if (!stripe_event_1.HANDLED_STRIPE_EVENTS.includes(event.type) || !tenantId) {
            await this.events.finish(stripeEventId, 'ignored', tenantId, tenantId ? undefined : 'no Tollgate tenant in metadata');
            return 'ignored';
        }
        const applied = await this.apply(event, object, tenantId);
        await this.events.finish(stripeEventId, applied ? 'processed' : 'ignored', tenantId, applied ? undefined : 'stale or not linked');
        return applied ? 'processed' : 'ignored';
    }
    async tenantOf(event, object) {
        const fromMetadata = event.tenantId ?? (0, stripe_event_1.tenantOfStripeObject)(object);
        if (fromMetadata && (0, ids_1.isUuid)(fromMetadata))
            return (0, tenant_id_1.asTenantId)(fromMetadata);
        if (object.object === 'invoice')
            return this.invoices.tenantOfStripeInvoice(object.id);
        return null;
    }
    async apply(event, o, tenantId) {
        const eventCreated = event.eventCreated;
        const advance = (status, rank) => this.events.advanceObjectState({
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
                    if (o.payment_status !== 'paid' || !md.tollgate_customer_id || !md.credit_amount)
                        return false;
                    await this.billing.grantCredits({
                        tenantId,
                        customerId: md.tollgate_customer_id,
                        amount: md.credit_amount,
                        reference: `stripe_checkout:${o.id}`,
                        description: 'Credit top-up (Stripe Checkout)',
                    });
                    return true;
                }
                if (!md.tollgate_subscription_id)
                    return false;
                await this.billing.setSubscriptionStatus(tenantId, md.tollgate_subscription_id, 'active');
                return true;
            }
            case 'customer.subscription.created':
            case 'customer.subscription.updated':
            case 'customer.subscription.deleted': {
                const stripeStatus = event.type === 'customer.subscription.deleted' ? 'canceled' : String(o.status ?? '');
                const status = (0, stripe_event_1.mapSubscriptionStatus)(stripeStatus);
                if (!status || !md.tollgate_subscription_id)
                    return false;
                if (!(await advance(stripeStatus, (0, stripe_event_1.subscriptionStatusRank)(stripeStatus))))
                    return false;
                await this.billing.setSubscriptionStatus(tenantId, md.tollgate_subscription_id, status);
                return true;
            }
            case 'invoice.finalized':
                return advance('open', (0, stripe_event_1.invoiceStatusRank)('open'));
            case 'invoice.paid': {
                if (!(await advance('paid', (0, stripe_event_1.invoiceStatusRank)('paid'))))
                    return false;
                const paidAt = toDate(o.status_transitions?.paid_at, eventCreated);
                const result = await this.invoices.markPaid(tenantId, this.invoiceRef(o), paidAt);
                return result !== 'not_found';
            }
            case 'invoice.payment_failed': {
                if (!(await advance('payment_failed', (0, stripe_event_1.invoiceStatusRank)('payment_failed'))))
                    return false;
                return (await this.invoices.markPaymentFailed(tenantId, this.invoiceRef(o))) !== 'not_found';
            }
            case 'payment_intent.succeeded': {
                const ref = md.tollgate_invoice_id
                    ? { invoiceId: md.tollgate_invoice_id }
                    : str(o.invoice)
                        ? { stripeInvoiceId: str(o.invoice) }
                        : null;
                if (!ref)
                    return false;
                return (await this.invoices.markPaid(tenantId, ref, eventCreated)) !== 'not_found';
            }
            case 'charge.refunded': {
                if (!md.tollgate_credit_note_id || !(0, ids_1.isUuid)(md.tollgate_credit_note_id))
                    return false;
                await this.invoices.markRefunded(tenantId, md.tollgate_credit_note_id);
                return true;
            }
            default:
                this.logger.warn({ type: event.type }, 'handled Stripe event type without a handler');
                return false;
        }
    }
    invoiceRef(o) {
        const id = o.metadata?.tollgate_invoice_id;
        return id && (0, ids_1.isUuid)(id) ? { invoiceId: id } : { stripeInvoiceId: o.id };
    }
};
exports.ProcessStripeEvent = ProcessStripeEvent;
__decorate([
    (0, transactional_1.Transactional)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], ProcessStripeEvent.prototype, "execute", null);
exports.ProcessStripeEvent = ProcessStripeEvent = ProcessStripeEvent_1 = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [stripe_event_repository_port_1.StripeEventRepository,
        billing_for_invoicing_1.BillingForInvoicing,
        invoice_payments_1.InvoicePayments])
], ProcessStripeEvent);
//# sourceMappingURL=process-stripe-event.use-case.js.map