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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CustomersController = exports.customerView = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const node_crypto_1 = require("node:crypto");
const auth_decorators_1 = require("../../../shared/http/auth.decorators");
const domain_error_1 = require("../../../shared/domain/domain-error");
const clock_port_1 = require("../../../shared/domain/clock.port");
const manage_customers_use_case_1 = require("../application/manage-customers.use-case");
const credits_use_case_1 = require("../application/credits.use-case");
const coupons_use_case_1 = require("../application/coupons.use-case");
const payments_use_case_1 = require("../application/payments.use-case");
const customer_1 = require("../domain/customer");
const credit_repository_port_1 = require("../domain/credit.repository.port");
const billing_dto_1 = require("./billing.dto");
const uuid_or_404_pipe_1 = require("./uuid-or-404.pipe");
const customerView = (c) => ({
    id: c.id,
    externalId: c.externalId,
    name: c.name,
    email: c.email,
    currency: c.currency,
    timezone: c.timezone,
    taxRate: c.taxRate,
    stripeCustomerId: c.stripeCustomerId,
    billingAddress: c.billingAddress,
    spendCap: c.spendCap,
    prepaidOnly: c.prepaidOnly,
    createdAt: c.createdAt,
});
exports.customerView = customerView;
const CustomerId = new uuid_or_404_pipe_1.UuidOr404Pipe('Customer');
let CustomersController = class CustomersController {
    customers;
    credits;
    createCustomer;
    updateCustomer;
    deleteCustomer;
    grantCredits;
    redeemCoupon;
    syncPaymentCustomer;
    createCheckout;
    clock;
    constructor(customers, credits, createCustomer, updateCustomer, deleteCustomer, grantCredits, redeemCoupon, syncPaymentCustomer, createCheckout, clock) {
        this.customers = customers;
        this.credits = credits;
        this.createCustomer = createCustomer;
        this.updateCustomer = updateCustomer;
        this.deleteCustomer = deleteCustomer;
        this.grantCredits = grantCredits;
        this.redeemCoupon = redeemCoupon;
        this.syncPaymentCustomer = syncPaymentCustomer;
        this.createCheckout = createCheckout;
        this.clock = clock;
    }
    async create(tenantId, body) {
        return (0, exports.customerView)(await this.createCustomer.execute(tenantId, body));
    }
    async list(tenantId, q) {
        const rows = await this.customers.list(tenantId, { limit: q.limit ?? 50, offset: q.offset ?? 0 });
        return { data: rows.map(exports.customerView) };
    }
    async get(tenantId, id) {
        const c = await this.customers.find(tenantId, id);
        if (!c)
            throw new domain_error_1.NotFoundError('Customer', id);
        return (0, exports.customerView)(c);
    }
    async update(tenantId, id, body) {
        return (0, exports.customerView)(await this.updateCustomer.execute(tenantId, id, body));
    }
    async remove(tenantId, id) {
        await this.deleteCustomer.execute(tenantId, id);
    }
    async creditBalance(tenantId, id) {
        const c = await this.customers.find(tenantId, id);
        if (!c)
            throw new domain_error_1.NotFoundError('Customer', id);
        const [balance, ledger] = await Promise.all([
            this.credits.balance(tenantId, id, this.clock.now()),
            this.credits.ledger(tenantId, id, 100),
        ]);
        return {
            customerId: id,
            currency: c.currency,
            balance,
            ledger: ledger.map((e) => ({
                id: e.id,
                kind: e.kind,
                amount: e.amount,
                expiresAt: e.expiresAt,
                reference: e.reference,
                description: e.description,
                createdAt: e.createdAt,
            })),
        };
    }
    async grant(tenantId, id, body) {
        const { created } = await this.grantCredits.execute(tenantId, id, {
            amount: body.amount,
            paid: body.paid,
            expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
            reference: body.reference ?? null,
            description: body.description,
        });
        return { created, balance: await this.credits.balance(tenantId, id, this.clock.now()) };
    }
    async redeem(tenantId, id, body) {
        const { redemption } = await this.redeemCoupon.execute(tenantId, id, body.code);
        return {
            id: redemption.id,
            code: redemption.coupon.code,
            periodsRemaining: redemption.periodsRemaining,
            status: redemption.status,
        };
    }
    async syncPayment(tenantId, id) {
        return (0, exports.customerView)(await this.syncPaymentCustomer.execute(tenantId, id));
    }
    async checkout(tenantId, id, body, idempotencyKey) {
        return this.createCheckout.execute(tenantId, id, {
            purpose: body.purpose,
            amount: body.amount,
            subscriptionId: body.subscriptionId,
            requestId: idempotencyKey?.slice(0, 200) || (0, node_crypto_1.randomUUID)(),
        });
    }
};
exports.CustomersController = CustomersController;
__decorate([
    (0, common_1.Post)(),
    (0, auth_decorators_1.Scopes)('customers:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Create a customer (who the tenant bills)' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.CustomerDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.CreateCustomerDto]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "create", null);
__decorate([
    (0, common_1.Get)(),
    (0, auth_decorators_1.Scopes)('customers:read'),
    (0, swagger_1.ApiOperation)({ summary: 'List customers' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.CustomerListDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Query)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, billing_dto_1.PageQueryDto]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "list", null);
__decorate([
    (0, common_1.Get)(':id'),
    (0, auth_decorators_1.Scopes)('customers:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Get a customer' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.CustomerDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "get", null);
__decorate([
    (0, common_1.Patch)(':id'),
    (0, auth_decorators_1.Scopes)('customers:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Update a customer' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.CustomerDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.UpdateCustomerDto]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "update", null);
__decorate([
    (0, common_1.Delete)(':id'),
    (0, common_1.HttpCode)(204),
    (0, auth_decorators_1.Scopes)('customers:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Delete a customer without live subscriptions' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'Deleted' }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "remove", null);
__decorate([
    (0, common_1.Get)(':id/credits'),
    (0, auth_decorators_1.Scopes)('credits:read'),
    (0, swagger_1.ApiOperation)({ summary: 'Credit balance (derived from the ledger) and the latest ledger entries' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.CreditBalanceDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "creditBalance", null);
__decorate([
    (0, common_1.Post)(':id/credits/grants'),
    (0, auth_decorators_1.Scopes)('credits:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Grant credits (paid top-up or free grant, optional expiry); idempotent per reference',
    }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.GrantResultDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.GrantCreditsDto]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "grant", null);
__decorate([
    (0, common_1.Post)(':id/coupons'),
    (0, auth_decorators_1.Scopes)('customers:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Apply a coupon to the customer’s coming invoices' }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.RedemptionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __param(2, (0, common_1.Body)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.RedeemCouponDto]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "redeem", null);
__decorate([
    (0, common_1.Put)(':id/payment-customer'),
    (0, auth_decorators_1.Scopes)('customers:write'),
    (0, swagger_1.ApiOperation)({ summary: 'Create or update the customer at Stripe and link it' }),
    (0, swagger_1.ApiOkResponse)({ type: billing_dto_1.CustomerDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "syncPayment", null);
__decorate([
    (0, common_1.Post)(':id/checkout-sessions'),
    (0, auth_decorators_1.Scopes)('credits:write'),
    (0, swagger_1.ApiOperation)({
        summary: 'Stripe Checkout Session: credit top-up or saving a payment method for subscriptions',
    }),
    (0, swagger_1.ApiCreatedResponse)({ type: billing_dto_1.CheckoutSessionDto }),
    __param(0, (0, auth_decorators_1.CurrentTenant)()),
    __param(1, (0, common_1.Param)('id', CustomerId)),
    __param(2, (0, common_1.Body)()),
    __param(3, (0, common_1.Headers)('idempotency-key')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, billing_dto_1.CheckoutDto, String]),
    __metadata("design:returntype", Promise)
], CustomersController.prototype, "checkout", null);
exports.CustomersController = CustomersController = __decorate([
    (0, swagger_1.ApiTags)('customers'),
    (0, common_1.Controller)('api/v1/customers'),
    __metadata("design:paramtypes", [customer_1.CustomerRepository,
        credit_repository_port_1.CreditRepository,
        manage_customers_use_case_1.CreateCustomer,
        manage_customers_use_case_1.UpdateCustomer,
        manage_customers_use_case_1.DeleteCustomer,
        credits_use_case_1.GrantCredits,
        coupons_use_case_1.RedeemCoupon,
        payments_use_case_1.SyncPaymentCustomer,
        payments_use_case_1.CreateCheckoutSession,
        clock_port_1.Clock])
], CustomersController);
//# sourceMappingURL=customers.controller.js.map