import { PlanDirectory } from '../../shared/contracts/plans';
import { RepositoryPlanDirectory } from './application/plan-directory';
import { Global, Module } from '@nestjs/common';
import { BudgetSource, UsageEventSink } from '../../shared/contracts/metering';
import { BillingForInvoicing } from '../../shared/contracts/billing-for-invoicing';
import { UsageRevenueRater } from '../../shared/contracts/usage-revenue';
import { CreditGrants } from '../../shared/contracts/credit-grants';
import { BillingCreditGrants } from './application/billing-credit-grants';
import {
  AgentRecordGuards,
  GetAgentStats,
  RecordAgentActivity,
  RecordAgentCost,
  RecordOutcome,
} from './application/agent-records.use-case';
import { BillingForInvoicingService } from './application/billing-for-invoicing.service';
import { BudgetCache } from './application/budget-cache.port';
import { CommitInvoicedPeriod } from './application/commit-invoiced-period.use-case';
import { CreateCoupon, RedeemCoupon } from './application/coupons.use-case';
import { CreateMetric } from './application/create-metric.use-case';
import { DebitCredits, GrantCredits } from './application/credits.use-case';
import { IngestUsageEvents } from './application/ingest-usage-events.use-case';
import { CreateCustomer, DeleteCustomer, UpdateCustomer } from './application/manage-customers.use-case';
import { CreatePlan, UpdatePlan } from './application/manage-plans.use-case';
import {
  CancelSubscription,
  ChangePlan,
  ChangeSeats,
  CreateSubscription,
  PublishSubscriptionUpdated,
} from './application/manage-subscriptions.use-case';
import { CreateCheckoutSession, SyncPaymentCustomer } from './application/payments.use-case';
import { RatePeriod } from './application/rate-period.use-case';
import { BillingUsageEventSink } from './application/usage-event-sink';
import { AgentRecordsController } from './adapters/agent-records.controller';
import { CouponsController, SpendCapsController } from './adapters/coupons.controller';
import { CustomersController } from './adapters/customers.controller';
import { PlansController } from './adapters/plans.controller';
import { RedisBudgetSource } from './adapters/redis-budget-source';
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
import { PaymentGateway } from './domain/payment-gateway.port';
import { PlanRepository } from './domain/plan.repository.port';
import { SubscriptionRepository } from './domain/subscription';

/**
 * Billing: customers, metering, plans, subscriptions, credits, coupons, spend caps and Stripe (docs/modules/billing.md).
 * Global: Chat feeds usage and asks for budgets, Invoicing rates and commits periods, pushes invoices.
 */
@Global()
@Module({
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
