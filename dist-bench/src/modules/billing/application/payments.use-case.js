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
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateCheckoutSession = exports.SyncPaymentCustomer = void 0;
const common_1 = require("@nestjs/common");
const app_config_1 = require("../../../config/app-config");
const domain_error_1 = require("../../../shared/domain/domain-error");
const money_1 = require("../../../shared/domain/money");
const customer_1 = require("../domain/customer");
const payment_gateway_port_1 = require("../domain/payment-gateway.port");
const subscription_1 = require("../domain/subscription");
let SyncPaymentCustomer = class SyncPaymentCustomer {
    customers;
    gateway;
    constructor(customers, gateway) {
        this.customers = customers;
        this.gateway = gateway;
    }
    async execute(tenantId, customerId) {
        const customer = await this.customers.find(tenantId, customerId);
        if (!customer)
            throw new domain_error_1.NotFoundError('Customer', customerId);
        const stripeCustomerId = await this.gateway.upsertCustomer({
            id: customer.id,
            tenantId,
            name: customer.name,
            email: customer.email,
            stripeCustomerId: customer.stripeCustomerId,
        });
        if (stripeCustomerId === customer.stripeCustomerId)
            return customer;
        return (await this.customers.update(tenantId, customerId, { stripeCustomerId })) ?? customer;
    }
};
exports.SyncPaymentCustomer = SyncPaymentCustomer;
exports.SyncPaymentCustomer = SyncPaymentCustomer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [customer_1.CustomerRepository,
        payment_gateway_port_1.PaymentGateway])
], SyncPaymentCustomer);
let CreateCheckoutSession = class CreateCheckoutSession {
    sync;
    gateway;
    subscriptions;
    config;
    constructor(sync, gateway, subscriptions, config) {
        this.sync = sync;
        this.gateway = gateway;
        this.subscriptions = subscriptions;
        this.config = config;
    }
    async execute(tenantId, customerId, input) {
        if (input.purpose === 'credit_top_up' && !(input.amount && (0, money_1.dec)(input.amount).gt(0)))
            throw new domain_error_1.InvalidError('invalid_amount', 'A top-up needs a positive amount', [
                { field: 'amount', message: 'must be > 0' },
            ]);
        if (input.subscriptionId) {
            const sub = await this.subscriptions.find(tenantId, input.subscriptionId);
            if (!sub || sub.customerId !== customerId)
                throw new domain_error_1.NotFoundError('Subscription', input.subscriptionId);
        }
        const customer = await this.sync.execute(tenantId, customerId);
        return this.gateway.createCheckoutSession({
            tenantId,
            stripeCustomerId: customer.stripeCustomerId,
            mode: input.purpose === 'credit_top_up' ? 'credit_top_up' : 'subscription_payment_setup',
            currency: customer.currency,
            amount: input.amount,
            description: input.purpose === 'credit_top_up'
                ? `Credit top-up for ${customer.name}`
                : `Payment method for ${customer.name}`,
            successUrl: this.config.billing.checkoutSuccessUrl,
            cancelUrl: this.config.billing.checkoutCancelUrl,
            metadata: {
                tollgate_customer_id: customer.id,
                ...(input.purpose === 'credit_top_up' && input.amount ? { credit_amount: input.amount } : {}),
                ...(input.subscriptionId ? { tollgate_subscription_id: input.subscriptionId } : {}),
            },
            idempotencyKey: `checkout-${customer.id}-${input.requestId}`,
        });
    }
};
exports.CreateCheckoutSession = CreateCheckoutSession;
exports.CreateCheckoutSession = CreateCheckoutSession = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [SyncPaymentCustomer,
        payment_gateway_port_1.PaymentGateway,
        subscription_1.SubscriptionRepository,
        app_config_1.AppConfig])
], CreateCheckoutSession);
//# sourceMappingURL=payments.use-case.js.map