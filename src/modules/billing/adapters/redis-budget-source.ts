import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '../../../config/app-config';
import { Budget, BudgetSource, BUILTIN_METRICS, SpendScope } from '../../../shared/contracts/metering';
import { Clock } from '../../../shared/domain/clock.port';
import { dec } from '../../../shared/domain/money';
import { TenantId } from '../../../shared/domain/tenant-id';
import { InvalidationBus } from '../../../shared/contracts/invalidation-bus';
import { RedisClient, redisKey } from '../../../shared/redis/redis.module';
import { BudgetCache } from '../application/budget-cache.port';
import { CreditRepository } from '../domain/credit.repository.port';
import { CustomerRepository } from '../domain/customer';
import { MetricRepository, UsageRepository } from '../domain/metering';
import { calendarMonthOf, Period } from '../../../shared/domain/local-date';
import { SubscriptionRepository } from '../domain/subscription';
import { num } from './numeric';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';

interface CachedBudget extends Omit<Budget, 'ttlSeconds'> {
  periodEnd: number;
}

const TOPIC = 'budgets';
/**
 * How long an instance keeps budgets in memory in front of Redis. Invalidation reaches every instance at
 * once through the bus; this bound only limits how stale an entry can be if a bus message is lost.
 */
const LOCAL_TTL_MS = 1000;

/**
 * Budgets for the chat path: customer spend caps per billing period, prepaid credit limits and API key
 * caps per calendar month. Resolved from Postgres (authoritative spend = `cost` of the customer's LLM
 * token events in the period) and cached in Redis for BUDGET_CACHE_SECONDS; changes to caps, credits or
 * subscriptions drop the cache. Chat keeps the running counters (reserve/settle) under `key`.
 * Each instance also keeps them in memory for up to a second (the chat path asks on every call; without
 * it, one Redis GET and a JSON.parse per call); the drops reach every instance's memory through the bus.
 */
@Injectable()
export class RedisBudgetSource extends BudgetSource implements BudgetCache, OnModuleInit {
  private readonly local: LRUCache<string, CachedBudget[]>;

  constructor(
    @Inject(RedisClient) private readonly redis: RedisClient,
    private readonly bus: InvalidationBus,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly customers: CustomerRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly metrics: MetricRepository,
    private readonly usage: UsageRepository,
    private readonly credits: CreditRepository,
    private readonly t: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {
    super();
    const ttl = Math.min(LOCAL_TTL_MS, config.billing.budgetCacheSeconds * 1000);
    this.local = new LRUCache({ max: 10_000, ttl: Math.max(ttl, 1) });
  }

  onModuleInit(): void {
    this.bus.subscribe(TOPIC, (key) => this.local.delete(key));
  }

  private cacheKey(tenantId: TenantId, part: string) {
    return redisKey(this.config, 'billing', 'budgets', tenantId, part);
  }

  async budgetsFor(scope: SpendScope): Promise<Budget[]> {
    const parts: Promise<CachedBudget[]>[] = [];
    const ref = scope.customer?.id
      ? `id:${scope.customer.id}`
      : scope.customer?.externalId
        ? `ext:${scope.customer.externalId}`
        : null;
    if (ref) parts.push(this.cached(scope.tenantId, `cust:${ref}`, () => this.customerBudgets(scope)));
    if (scope.apiKeyId)
      parts.push(this.cached(scope.tenantId, `key:${scope.apiKeyId}`, () => this.apiKeyBudgets(scope)));
    const now = this.clock.now().getTime();
    return (await Promise.all(parts)).flat().map(({ periodEnd, ...b }) => ({
      ...b,
      ttlSeconds: Math.max(1, Math.ceil((periodEnd - now) / 1000)),
    }));
  }

  async invalidate(tenantId: TenantId, customer: { id: string; externalId: string | null }): Promise<void> {
    const keys = [this.cacheKey(tenantId, `cust:id:${customer.id}`)];
    if (customer.externalId) keys.push(this.cacheKey(tenantId, `cust:ext:${customer.externalId}`));
    await this.drop(keys);
  }

  async invalidateApiKey(tenantId: TenantId, apiKeyId: string): Promise<void> {
    await this.drop([this.cacheKey(tenantId, `key:${apiKeyId}`)]);
  }

  private async drop(keys: string[]): Promise<void> {
    for (const key of keys) this.local.delete(key);
    await this.redis.del(...keys);
    await Promise.all(keys.map((key) => this.bus.publish(TOPIC, key)));
  }

  private async cached(
    tenantId: TenantId,
    part: string,
    load: () => Promise<CachedBudget[]>,
  ): Promise<CachedBudget[]> {
    const key = this.cacheKey(tenantId, part);
    const live = (budgets: CachedBudget[]) => budgets.every((b) => b.periodEnd > this.clock.now().getTime());
    const seconds = this.config.billing.budgetCacheSeconds;
    const inMemory = seconds > 0 ? this.local.get(key) : undefined;
    if (inMemory && live(inMemory)) return inMemory;
    const hit = await this.redis.get(key);
    if (hit) {
      const budgets = JSON.parse(hit) as CachedBudget[];
      if (live(budgets)) {
        if (seconds > 0) this.local.set(key, budgets);
        return budgets;
      }
    }
    const budgets = await load();
    if (seconds > 0) {
      await this.redis.set(key, JSON.stringify(budgets), 'EX', seconds);
      this.local.set(key, budgets);
    }
    return budgets;
  }

  private async customerBudgets(scope: SpendScope): Promise<CachedBudget[]> {
    const customer = await this.customers.findByRef(scope.tenantId, {
      id: scope.customer?.id,
      externalId: scope.customer?.externalId,
    });
    if (!customer || (!customer.spendCap && !customer.prepaidOnly)) return [];
    const now = this.clock.now();
    const live = (await this.subscriptions.liveForCustomer(scope.tenantId, customer.id)).find(
      (s) => s.currentPeriodStart <= now && s.currentPeriodEnd > now,
    );
    const period: Period = live
      ? { start: live.currentPeriodStart, end: live.currentPeriodEnd }
      : calendarMonthOf(now, customer.timezone);
    const metricIds = (
      await this.metrics.findByCodes(scope.tenantId, [
        BUILTIN_METRICS.promptTokens,
        BUILTIN_METRICS.completionTokens,
      ])
    ).map((m) => m.id);
    const spent = metricIds.length
      ? await this.usage.costSpent(scope.tenantId, customer.id, metricIds, period.start, period.end)
      : '0';
    const periodTag = period.start.toISOString();
    const out: CachedBudget[] = [];
    if (customer.spendCap)
      out.push({
        key: `cust:${customer.id}:${periodTag}`,
        limit: customer.spendCap,
        spent,
        currency: customer.currency,
        periodEnd: period.end.getTime(),
        reason: 'spend_cap_exceeded',
        customerId: customer.id,
      });
    if (customer.prepaidOnly) {
      // Credits are consumed at invoicing; until then this period's spend is drawn against the balance.
      const balance = await this.credits.balance(scope.tenantId, customer.id, now);
      out.push({
        key: `cred:${customer.id}:${periodTag}`,
        limit: dec(balance).plus(spent).toString(),
        spent,
        currency: customer.currency,
        periodEnd: period.end.getTime(),
        reason: 'insufficient_credits',
      });
    }
    return out;
  }

  private async apiKeyBudgets(scope: SpendScope): Promise<CachedBudget[]> {
    const [cap] = await tenantQuery<{ amount: string; currency: string }>(
      this.t.tx,
      scope.tenantId,
      `SELECT amount, currency FROM api_key_spend_caps WHERE tenant_id = $1 AND api_key_id = $2`,
      [scope.apiKeyId],
    );
    if (!cap) return [];
    const period = calendarMonthOf(this.clock.now(), 'UTC');
    return [
      {
        key: `key:${scope.apiKeyId}:${period.start.toISOString()}`,
        limit: num(cap.amount) as string,
        // Usage events do not carry the API key: Chat's counter is the running total for key caps.
        spent: '0',
        currency: cap.currency,
        periodEnd: period.end.getTime(),
        reason: 'spend_cap_exceeded',
        apiKeyId: scope.apiKeyId,
      },
    ];
  }
}
