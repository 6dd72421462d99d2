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
exports.RedisBudgetSource = void 0;
const common_1 = require("@nestjs/common");
const transactional_1 = require("@nestjs-cls/transactional");
const app_config_1 = require("../../../config/app-config");
const metering_1 = require("../../../shared/contracts/metering");
const clock_port_1 = require("../../../shared/domain/clock.port");
const money_1 = require("../../../shared/domain/money");
const redis_module_1 = require("../../../shared/redis/redis.module");
const credit_repository_port_1 = require("../domain/credit.repository.port");
const customer_1 = require("../domain/customer");
const metering_2 = require("../domain/metering");
const periods_1 = require("../domain/periods");
const subscription_1 = require("../domain/subscription");
const sql_1 = require("./sql");
let RedisBudgetSource = class RedisBudgetSource extends metering_1.BudgetSource {
    redis;
    config;
    clock;
    customers;
    subscriptions;
    metrics;
    usage;
    credits;
    t;
    constructor(redis, config, clock, customers, subscriptions, metrics, usage, credits, t) {
        super();
        this.redis = redis;
        this.config = config;
        this.clock = clock;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.usage = usage;
        this.credits = credits;
        this.t = t;
    }
    cacheKey(tenantId, part) {
        return (0, redis_module_1.redisKey)(this.config, 'billing', 'budgets', tenantId, part);
    }
    async budgetsFor(scope) {
        const parts = [];
        const ref = scope.customer?.id
            ? `id:${scope.customer.id}`
            : scope.customer?.externalId
                ? `ext:${scope.customer.externalId}`
                : null;
        if (ref)
            parts.push(this.cached(scope.tenantId, `cust:${ref}`, () => this.customerBudgets(scope)));
        if (scope.apiKeyId)
            parts.push(this.cached(scope.tenantId, `key:${scope.apiKeyId}`, () => this.apiKeyBudgets(scope)));
        const now = this.clock.now().getTime();
        return (await Promise.all(parts)).flat().map(({ periodEnd, ...b }) => ({
            ...b,
            ttlSeconds: Math.max(1, Math.ceil((periodEnd - now) / 1000)),
        }));
    }
    async invalidate(tenantId, customer) {
        const keys = [this.cacheKey(tenantId, `cust:id:${customer.id}`)];
        if (customer.externalId)
            keys.push(this.cacheKey(tenantId, `cust:ext:${customer.externalId}`));
        await this.redis.del(...keys);
    }
    async invalidateApiKey(tenantId, apiKeyId) {
        await this.redis.del(this.cacheKey(tenantId, `key:${apiKeyId}`));
    }
    async cached(tenantId, part, load) {
        const key = this.cacheKey(tenantId, part);
        const hit = await this.redis.get(key);
        if (hit) {
            const budgets = JSON.parse(hit);
            if (budgets.every((b) => b.periodEnd > this.clock.now().getTime()))
                return budgets;
        }
        const budgets = await load();
        const seconds = this.config.billing.budgetCacheSeconds;
        if (seconds > 0)
            await this.redis.set(key, JSON.stringify(budgets), 'EX', seconds);
        return budgets;
    }
    async customerBudgets(scope) {
        const customer = await this.customers.findByRef(scope.tenantId, {
            id: scope.customer?.id,
            externalId: scope.customer?.externalId,
        });
        if (!customer || (!customer.spendCap && !customer.prepaidOnly))
            return [];
        const now = this.clock.now();
        const live = (await this.subscriptions.liveForCustomer(scope.tenantId, customer.id)).find((s) => s.currentPeriodStart <= now && s.currentPeriodEnd > now);
        const period = live
            ? { start: live.currentPeriodStart, end: live.currentPeriodEnd }
            : (0, periods_1.calendarMonthOf)(now, customer.timezone);
        const metricIds = (await this.metrics.findByCodes(scope.tenantId, [
            metering_1.BUILTIN_METRICS.promptTokens,
            metering_1.BUILTIN_METRICS.completionTokens,
        ])).map((m) => m.id);
        const spent = metricIds.length
            ? await this.usage.costSpent(scope.tenantId, customer.id, metricIds, period.start, period.end)
            : '0';
        const periodTag = period.start.toISOString();
        const out = [];
        if (customer.spendCap)
            out.push({
                key: `cust:${customer.id}:${periodTag}`,
                limit: customer.spendCap,
                spent,
                currency: customer.currency,
                periodEnd: period.end.getTime(),
                reason: 'spend_cap_exceeded',
            });
        if (customer.prepaidOnly) {
            const balance = await this.credits.balance(scope.tenantId, customer.id, now);
            out.push({
                key: `cred:${customer.id}:${periodTag}`,
                limit: (0, money_1.dec)(balance).plus(spent).toString(),
                spent,
                currency: customer.currency,
                periodEnd: period.end.getTime(),
                reason: 'insufficient_credits',
            });
        }
        return out;
    }
    async apiKeyBudgets(scope) {
        const [cap] = await (0, sql_1.sql)(this.t, `SELECT amount, currency FROM api_key_spend_caps WHERE tenant_id = $1 AND api_key_id = $2`, [scope.tenantId, scope.apiKeyId]);
        if (!cap)
            return [];
        const period = (0, periods_1.calendarMonthOf)(this.clock.now(), 'UTC');
        return [
            {
                key: `key:${scope.apiKeyId}:${period.start.toISOString()}`,
                limit: (0, sql_1.num)(cap.amount),
                spent: '0',
                currency: cap.currency,
                periodEnd: period.end.getTime(),
                reason: 'spend_cap_exceeded',
            },
        ];
    }
};
exports.RedisBudgetSource = RedisBudgetSource;
exports.RedisBudgetSource = RedisBudgetSource = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(redis_module_1.RedisClient)),
    __metadata("design:paramtypes", [redis_module_1.RedisClient,
        app_config_1.AppConfig,
        clock_port_1.Clock,
        customer_1.CustomerRepository,
        subscription_1.SubscriptionRepository,
        metering_2.MetricRepository,
        metering_2.UsageRepository,
        credit_repository_port_1.CreditRepository,
        transactional_1.TransactionHost])
], RedisBudgetSource);
//# sourceMappingURL=redis-budget-source.js.map