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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.StripePaymentGateway = void 0;
const common_1 = require("@nestjs/common");
const stripe_1 = __importDefault(require("stripe"));
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const money_1 = require("../../../shared/domain/money");
const payment_gateway_port_1 = require("../domain/payment-gateway.port");
const toMinor = (amount, currency) => (0, money_1.dec)(amount)
    .times((0, money_1.dec)(10).pow((0, money_1.minorUnits)(currency)))
    .toNumber();
let StripePaymentGateway = class StripePaymentGateway extends payment_gateway_port_1.PaymentGateway {
    enabled;
    stripe;
    constructor(config) {
        super();
        const s = config.billing.stripe;
        this.enabled = !!s.secretKey;
        this.stripe = s.secretKey
            ? new stripe_1.default(s.secretKey, {
                host: s.host,
                port: s.port,
                protocol: s.protocol,
                timeout: s.timeoutMs,
                maxNetworkRetries: 2,
                telemetry: false,
            })
            : null;
    }
    client() {
        if (!this.stripe)
            throw new domain_error_1.DomainError('unavailable', 'payments_not_configured', 'Stripe is not configured (STRIPE_SECRET_KEY)');
        return this.stripe;
    }
    async call(fn) {
        const stripe = this.client();
        try {
            return await fn(stripe);
        }
        catch (err) {
            if (err instanceof domain_error_1.DomainError)
                throw err;
            const e = err;
            if (e.type === 'StripeConnectionError')
                throw new domain_error_1.DomainError('upstream_timeout', 'payment_gateway_unreachable', 'Stripe could not be reached');
            throw new domain_error_1.DomainError('upstream_failed', 'payment_gateway_failed', `Stripe refused the request: ${e.message ?? 'unknown error'}`);
        }
    }
    upsertCustomer(c) {
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
    createCheckoutSession(input) {
        return this.call(async (stripe) => {
            const currency = input.currency.toLowerCase();
            const common = {
                customer: input.stripeCustomerId,
                success_url: input.successUrl,
                cancel_url: input.cancelUrl,
                metadata: { ...input.metadata, tenant_id: input.tenantId, purpose: input.mode },
            };
            const session = input.mode === 'credit_top_up'
                ? await stripe.checkout.sessions.create({
                    ...common,
                    mode: 'payment',
                    line_items: [
                        {
                            quantity: 1,
                            price_data: {
                                currency,
                                unit_amount: toMinor(input.amount ?? '0', input.currency),
                                product_data: { name: input.description },
                            },
                        },
                    ],
                }, { idempotencyKey: input.idempotencyKey })
                :
                    await stripe.checkout.sessions.create({ ...common, mode: 'setup', currency }, { idempotencyKey: input.idempotencyKey });
            return { id: session.id, url: session.url ?? '' };
        });
    }
    pushInvoice(input) {
        return this.call(async (stripe) => {
            const currency = input.currency.toLowerCase();
            const key = `invoice-${input.invoiceId}`;
            const invoice = await stripe.invoices.create({
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
            }, { idempotencyKey: key });
            const lines = [...input.lines];
            const difference = (0, money_1.dec)(input.total).minus((0, money_1.sumMoney)(lines.map((l) => l.amount)));
            if (!difference.isZero())
                lines.push({ description: 'Credits applied', amount: difference.toString() });
            for (const [i, line] of lines.entries()) {
                await stripe.invoiceItems.create({
                    customer: input.stripeCustomerId,
                    invoice: invoice.id,
                    currency,
                    amount: toMinor(line.amount, input.currency),
                    description: line.description,
                }, { idempotencyKey: `${key}-line-${i}` });
            }
            const finalized = await stripe.invoices.finalizeInvoice(invoice.id, {}, { idempotencyKey: `${key}-finalize` });
            return {
                externalId: finalized.id,
                ...(finalized.hosted_invoice_url ? { hostedUrl: finalized.hosted_invoice_url } : {}),
            };
        });
    }
    paymentStatus(externalInvoiceId) {
        return this.call(async (stripe) => {
            const invoice = await stripe.invoices.retrieve(externalInvoiceId);
            const known = ['draft', 'open', 'paid', 'void', 'uncollectible'];
            return known.includes(invoice.status) ? invoice.status : 'unknown';
        });
    }
    refundInvoicePayment(input) {
        return this.call(async (stripe) => {
            const invoice = await stripe.invoices.retrieve(input.externalInvoiceId, { expand: ['payments'] });
            const payment = invoice.payments?.data.find((p) => p.status === 'paid')?.payment;
            const idOf = (ref) => (typeof ref === 'string' ? ref : ref.id);
            const target = payment?.payment_intent
                ? { payment_intent: idOf(payment.payment_intent) }
                : payment?.charge
                    ? { charge: idOf(payment.charge) }
                    : null;
            if (!target)
                throw new domain_error_1.ConflictError('invoice_not_paid_at_gateway', `Stripe invoice ${input.externalInvoiceId} has no payment to refund`);
            const existing = await stripe.refunds.list({ ...target, limit: 100 });
            const found = existing.data.find((r) => r.metadata?.tollgate_idempotency_key === input.idempotencyKey);
            const refund = found ??
                (await stripe.refunds.create({
                    ...target,
                    amount: toMinor(input.amount, input.currency),
                    reason: 'requested_by_customer',
                    metadata: {
                        tenant_id: input.tenantId,
                        tollgate_idempotency_key: input.idempotencyKey,
                        reason: input.reason.slice(0, 500),
                    },
                }, { idempotencyKey: input.idempotencyKey }));
            const status = refund.status === 'succeeded'
                ? 'succeeded'
                : refund.status === 'failed' || refund.status === 'canceled'
                    ? 'failed'
                    : 'pending';
            return { refundId: refund.id, status };
        });
    }
    voidInvoice(input) {
        return this.call(async (stripe) => {
            const invoice = await stripe.invoices.retrieve(input.externalInvoiceId);
            if (invoice.status === 'void')
                return;
            await stripe.invoices.voidInvoice(input.externalInvoiceId, {}, { idempotencyKey: input.idempotencyKey });
        });
    }
};
exports.StripePaymentGateway = StripePaymentGateway;
exports.StripePaymentGateway = StripePaymentGateway = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [app_config_1.AppConfig])
], StripePaymentGateway);
//# sourceMappingURL=stripe-payment-gateway.js.map