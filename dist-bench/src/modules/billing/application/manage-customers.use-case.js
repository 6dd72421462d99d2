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
exports.DeleteCustomer = exports.UpdateCustomer = exports.CreateCustomer = void 0;
const common_1 = require("@nestjs/common");
const clock_port_1 = require("../../../shared/domain/clock.port");
const domain_error_1 = require("../../../shared/domain/domain-error");
const ids_1 = require("../../../shared/domain/ids");
const customer_1 = require("../domain/customer");
const periods_1 = require("../domain/periods");
const subscription_1 = require("../domain/subscription");
const budget_cache_port_1 = require("./budget-cache.port");
const isUniqueViolation = (e) => e?.code === '23505';
function checkTimezone(tz) {
    if (tz !== undefined && !(0, periods_1.isValidTimeZone)(tz))
        throw new domain_error_1.InvalidError('invalid_timezone', `Unknown timezone ${tz}`, [
            { field: 'timezone', message: 'must be an IANA timezone' },
        ]);
}
let CreateCustomer = class CreateCustomer {
    customers;
    clock;
    constructor(customers, clock) {
        this.customers = customers;
        this.clock = clock;
    }
    async execute(tenantId, input) {
        checkTimezone(input.timezone);
        const now = this.clock.now();
        const customer = {
            id: (0, ids_1.newId)(),
            tenantId,
            externalId: input.externalId ?? null,
            name: input.name,
            email: input.email ?? null,
            currency: input.currency.toUpperCase(),
            timezone: input.timezone ?? 'UTC',
            taxRate: input.taxRate ?? '0',
            stripeCustomerId: null,
            billingAddress: input.billingAddress ?? null,
            spendCap: input.spendCap ?? null,
            prepaidOnly: input.prepaidOnly ?? false,
            createdAt: now,
            updatedAt: now,
        };
        if (!(await this.customers.insert(customer)))
            throw new domain_error_1.ConflictError('customer_external_id_taken', `externalId ${input.externalId} is already used`);
        return customer;
    }
};
exports.CreateCustomer = CreateCustomer;
exports.CreateCustomer = CreateCustomer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [customer_1.CustomerRepository,
        clock_port_1.Clock])
], CreateCustomer);
let UpdateCustomer = class UpdateCustomer {
    customers;
    subscriptions;
    budgets;
    constructor(customers, subscriptions, budgets) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.budgets = budgets;
    }
    async execute(tenantId, id, patch) {
        checkTimezone(patch.timezone);
        if (patch.currency !== undefined) {
            patch.currency = patch.currency.toUpperCase();
            const current = await this.customers.find(tenantId, id);
            if (!current)
                throw new domain_error_1.NotFoundError('Customer', id);
            if (current.currency !== patch.currency &&
                (await this.subscriptions.liveForCustomer(tenantId, id)).length)
                throw new domain_error_1.ConflictError('customer_has_subscriptions', 'The currency cannot change while subscriptions are live');
        }
        let updated;
        try {
            updated = await this.customers.update(tenantId, id, patch);
        }
        catch (e) {
            if (isUniqueViolation(e))
                throw new domain_error_1.ConflictError('customer_external_id_taken', `externalId ${patch.externalId} is already used`);
            throw e;
        }
        if (!updated)
            throw new domain_error_1.NotFoundError('Customer', id);
        await this.budgets.invalidate(tenantId, updated);
        return updated;
    }
};
exports.UpdateCustomer = UpdateCustomer;
exports.UpdateCustomer = UpdateCustomer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [customer_1.CustomerRepository,
        subscription_1.SubscriptionRepository,
        budget_cache_port_1.BudgetCache])
], UpdateCustomer);
let DeleteCustomer = class DeleteCustomer {
    customers;
    subscriptions;
    constructor(customers, subscriptions) {
        this.customers = customers;
        this.subscriptions = subscriptions;
    }
    async execute(tenantId, id) {
        if (!(await this.customers.find(tenantId, id)))
            throw new domain_error_1.NotFoundError('Customer', id);
        if ((await this.subscriptions.liveForCustomer(tenantId, id)).length)
            throw new domain_error_1.ConflictError('customer_has_subscriptions', 'Cancel the customer’s subscriptions before deleting it');
        await this.customers.delete(tenantId, id);
    }
};
exports.DeleteCustomer = DeleteCustomer;
exports.DeleteCustomer = DeleteCustomer = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [customer_1.CustomerRepository,
        subscription_1.SubscriptionRepository])
], DeleteCustomer);
//# sourceMappingURL=manage-customers.use-case.js.map