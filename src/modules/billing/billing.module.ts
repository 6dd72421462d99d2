import { PlanDirectory } from '../../shared/contracts/plans';
import { RepositoryPlanDirectory } from './application/plan-directory';
import { Module, forwardRef } from '@nestjs/common';
import { BudgetSource, UsageEventSink } from '../../shared/contracts/metering';
import { BillingForInvoicing } from '../../shared/contracts/billing-for-invoicing';
import { UsageRevenueRater } from '../../shared/contracts/usage-revenue';
import { CreditGrants } from '../../shared/contracts/credit-grants';
import { BillingCreditGrants } from './application/billing-credit-grants';
import { AgentRecordGuards } from './application/agent-record-guards';
import { GetAgentStats } from './application/get-agent-stats.use-case';
import { RecordAgentActivity } from './application/record-agent-activity.use-case';
import { RecordAgentCost } from './application/record-agent-cost.use-case';
import { RecordOutcome } from './application/record-outcome.use-case';
import { BillingForInvoicingService } from './application/billing-for-invoicing.service';
import { BudgetCache } from './application/budget-cache.port';
import { CommitInvoicedPeriod } from './application/commit-invoiced-period.use-case';
import { ApiKeySpendCapAccess } from './application/api-key-spend-cap-access';
import { SetApiKeySpendCap } from './application/set-api-key-spend-cap.use-case';
import { RemoveApiKeySpendCap } from './application/remove-api-key-spend-cap.use-case';
import { CreateCoupon } from './application/create-coupon.use-case';
import { RedeemCoupon } from './application/redeem-coupon.use-case';
import { CreateMetric } from './application/create-metric.use-case';
import { DebitCredits } from './application/debit-credits.use-case';
import { GrantCredits } from './application/grant-credits.use-case';
import { IngestUsageEvents } from './application/ingest-usage-events.use-case';
import { CreateCustomer } from './application/create-customer.use-case';
import { DeleteCustomer } from './application/delete-customer.use-case';
import { UpdateCustomer } from './application/update-customer.use-case';
import { CreatePlan } from './application/create-plan.use-case';
import { UpdatePlan } from './application/update-plan.use-case';
import { CancelSubscription } from './application/cancel-subscription.use-case';
import { ChangePlan } from './application/change-plan.use-case';
import { ChangeSeats } from './application/change-seats.use-case';
import { CreateSubscription } from './application/create-subscription.use-case';
import { PublishSubscriptionUpdated } from './application/publish-subscription-updated.use-case';
import { CreateCheckoutSession } from './application/create-checkout-session.use-case';
import { SyncPaymentCustomer } from './application/sync-payment-customer.use-case';
import { RatePeriod } from './application/rate-period.use-case';
import { BillingUsageEventSink } from './application/usage-event-sink';
import { AgentRecordsController } from './adapters/agent-records.controller';
import { CouponsController, SpendCapsController } from './adapters/coupons.controller';
import { CustomersController } from './adapters/customers.controller';
import { PlansController } from './adapters/plans.controller';
import { RedisBudgetSource } from './adapters/redis-budget-source';
import { TenancyModule } from '../tenancy/tenancy.module';
import { SqlUsageRevenueRater } from './adapters/sql-usage-revenue-rater';
import { StripePaymentGateway } from './adapters/stripe-payment-gateway';
import { SubscriptionsController } from './adapters/subscriptions.controller';
import { TypeOrmAgentRecordRepository } from './adapters/typeorm-agent-record.repository';
import { TypeOrmApiKeySpendCapRepository } from './adapters/typeorm-api-key-spend-cap.repository';
import { TypeOrmCouponRepository } from './adapters/typeorm-coupon.repository';
import { TypeOrmCreditRepository } from './adapters/typeorm-credit.repository';
import { TypeOrmCustomerRepository } from './adapters/typeorm-customer.repository';
import { TypeOrmMetricRepository, TypeOrmUsageRepository } from './adapters/typeorm-metering.repository';
import { TypeOrmPlanRepository } from './adapters/typeorm-plan.repository';
import { TypeOrmSubscriptionRepository } from './adapters/typeorm-subscription.repository';
import { MetricsController, UsageController } from './adapters/usage.controller';
import { AgentRecordRepository } from './domain/agent-records';
import { ApiKeySpendCapRepository } from './domain/api-key-spend-cap';
import { CouponRepository } from './domain/coupon';
import { CreditRepository } from './domain/credit.repository.port';
import { CustomerRepository } from './domain/customer';
import { MetricRepository, UsageRepository } from './domain/metering';
import { PaymentGateway } from '../../shared/contracts/payment-gateway';
import { PlanRepository } from './domain/plan.repository.port';
import { SubscriptionRepository } from './domain/subscription';
import { AgentsModule } from '../agents/agents.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { NotificationsModule } from '../notifications/notifications.module';

/**
 * Billing: customers, metering, plans, subscriptions, credits, coupons, spend caps and Stripe (docs/modules/billing.md).
 * Global: Chat feeds usage and asks for budgets, Invoicing rates and commits periods, pushes invoices.
 */
@Module({
  imports: [
    forwardRef(() => TenancyModule), // the invalidation bus
    forwardRef(() => AgentsModule),
    forwardRef(() => ReferralsModule),
    forwardRef(() => WebhooksModule),
    forwardRef(() => NotificationsModule),
  ],
  controllers: [
    CustomersController,
    MetricsController,
    UsageController,
    AgentRecordsController,
    PlansController,
    SubscriptionsController,
    CouponsController,
    SpendCapsController,
  ],
  providers: [
    { provide: PlanDirectory, useClass: RepositoryPlanDirectory },
    { provide: CustomerRepository, useClass: TypeOrmCustomerRepository },
    { provide: MetricRepository, useClass: TypeOrmMetricRepository },
    { provide: UsageRepository, useClass: TypeOrmUsageRepository },
    { provide: AgentRecordRepository, useClass: TypeOrmAgentRecordRepository },
    { provide: PlanRepository, useClass: TypeOrmPlanRepository },
    { provide: SubscriptionRepository, useClass: TypeOrmSubscriptionRepository },
    { provide: CreditRepository, useClass: TypeOrmCreditRepository },
    { provide: CouponRepository, useClass: TypeOrmCouponRepository },
    { provide: ApiKeySpendCapRepository, useClass: TypeOrmApiKeySpendCapRepository },
    { provide: PaymentGateway, useClass: StripePaymentGateway },
    RedisBudgetSource,
    { provide: BudgetSource, useExisting: RedisBudgetSource },
    { provide: BudgetCache, useExisting: RedisBudgetSource },
    { provide: UsageEventSink, useClass: BillingUsageEventSink },
    { provide: BillingForInvoicing, useClass: BillingForInvoicingService },
    { provide: UsageRevenueRater, useClass: SqlUsageRevenueRater },
    { provide: CreditGrants, useClass: BillingCreditGrants },
    IngestUsageEvents,
    CreateCustomer,
    UpdateCustomer,
    DeleteCustomer,
    CreateMetric,
    AgentRecordGuards,
    RecordAgentActivity,
    RecordAgentCost,
    RecordOutcome,
    GetAgentStats,
    CreatePlan,
    UpdatePlan,
    CreateSubscription,
    ChangeSeats,
    ChangePlan,
    CancelSubscription,
    PublishSubscriptionUpdated,
    GrantCredits,
    DebitCredits,
    CreateCoupon,
    ApiKeySpendCapAccess,
    SetApiKeySpendCap,
    RemoveApiKeySpendCap,
    RedeemCoupon,
    SyncPaymentCustomer,
    CreateCheckoutSession,
    RatePeriod,
    CommitInvoicedPeriod,
  ],
  exports: [
    PlanDirectory,
    UsageEventSink,
    BudgetSource,
    BillingForInvoicing,
    PaymentGateway,
    DebitCredits,
    UsageRevenueRater,
    CreditGrants,
  ],
})
export class BillingModule {}
