"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.BillingModule = void 0;
const common_1 = require("@nestjs/common");
const metering_1 = require("../../shared/contracts/metering");
const billing_for_invoicing_1 = require("../../shared/contracts/billing-for-invoicing");
const agent_records_use_case_1 = require("./application/agent-records.use-case");
const billing_for_invoicing_service_1 = require("./application/billing-for-invoicing.service");
const budget_cache_port_1 = require("./application/budget-cache.port");
const commit_invoiced_period_use_case_1 = require("./application/commit-invoiced-period.use-case");
const coupons_use_case_1 = require("./application/coupons.use-case");
const create_metric_use_case_1 = require("./application/create-metric.use-case");
const credits_use_case_1 = require("./application/credits.use-case");
const ingest_usage_events_use_case_1 = require("./application/ingest-usage-events.use-case");
const manage_customers_use_case_1 = require("./application/manage-customers.use-case");
const manage_plans_use_case_1 = require("./application/manage-plans.use-case");
const manage_subscriptions_use_case_1 = require("./application/manage-subscriptions.use-case");
const payments_use_case_1 = require("./application/payments.use-case");
const rate_period_use_case_1 = require("./application/rate-period.use-case");
const usage_event_sink_1 = require("./application/usage-event-sink");
const agent_records_controller_1 = require("./adapters/agent-records.controller");
const coupons_controller_1 = require("./adapters/coupons.controller");
const customers_controller_1 = require("./adapters/customers.controller");
const plans_controller_1 = require("./adapters/plans.controller");
const redis_budget_source_1 = require("./adapters/redis-budget-source");
const stripe_payment_gateway_1 = require("./adapters/stripe-payment-gateway");
const subscriptions_controller_1 = require("./adapters/subscriptions.controller");
const typeorm_agent_record_repository_1 = require("./adapters/typeorm-agent-record.repository");
const typeorm_api_key_spend_cap_repository_1 = require("./adapters/typeorm-api-key-spend-cap.repository");
const typeorm_coupon_repository_1 = require("./adapters/typeorm-coupon.repository");
const typeorm_credit_repository_1 = require("./adapters/typeorm-credit.repository");
const typeorm_customer_repository_1 = require("./adapters/typeorm-customer.repository");
const typeorm_metering_repository_1 = require("./adapters/typeorm-metering.repository");
const typeorm_plan_repository_1 = require("./adapters/typeorm-plan.repository");
const typeorm_subscription_repository_1 = require("./adapters/typeorm-subscription.repository");
const usage_controller_1 = require("./adapters/usage.controller");
const agent_records_1 = require("./domain/agent-records");
const api_key_spend_cap_1 = require("./domain/api-key-spend-cap");
const coupon_1 = require("./domain/coupon");
const credit_repository_port_1 = require("./domain/credit.repository.port");
const customer_1 = require("./domain/customer");
const metering_2 = require("./domain/metering");
const payment_gateway_port_1 = require("./domain/payment-gateway.port");
const plan_repository_port_1 = require("./domain/plan.repository.port");
const subscription_1 = require("./domain/subscription");
let BillingModule = class BillingModule {
};
exports.BillingModule = BillingModule;
exports.BillingModule = BillingModule = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({
        controllers: [
            customers_controller_1.CustomersController,
            usage_controller_1.MetricsController,
            usage_controller_1.UsageController,
            agent_records_controller_1.AgentRecordsController,
            plans_controller_1.PlansController,
            subscriptions_controller_1.SubscriptionsController,
            coupons_controller_1.CouponsController,
            coupons_controller_1.SpendCapsController,
        ],
        providers: [
            { provide: customer_1.CustomerRepository, useClass: typeorm_customer_repository_1.TypeOrmCustomerRepository },
            { provide: metering_2.MetricRepository, useClass: typeorm_metering_repository_1.TypeOrmMetricRepository },
            { provide: metering_2.UsageRepository, useClass: typeorm_metering_repository_1.TypeOrmUsageRepository },
            { provide: agent_records_1.AgentRecordRepository, useClass: typeorm_agent_record_repository_1.TypeOrmAgentRecordRepository },
            { provide: plan_repository_port_1.PlanRepository, useClass: typeorm_plan_repository_1.TypeOrmPlanRepository },
            { provide: subscription_1.SubscriptionRepository, useClass: typeorm_subscription_repository_1.TypeOrmSubscriptionRepository },
            { provide: credit_repository_port_1.CreditRepository, useClass: typeorm_credit_repository_1.TypeOrmCreditRepository },
            { provide: coupon_1.CouponRepository, useClass: typeorm_coupon_repository_1.TypeOrmCouponRepository },
            { provide: api_key_spend_cap_1.ApiKeySpendCapRepository, useClass: typeorm_api_key_spend_cap_repository_1.TypeOrmApiKeySpendCapRepository },
            { provide: payment_gateway_port_1.PaymentGateway, useClass: stripe_payment_gateway_1.StripePaymentGateway },
            redis_budget_source_1.RedisBudgetSource,
            { provide: metering_1.BudgetSource, useExisting: redis_budget_source_1.RedisBudgetSource },
            { provide: budget_cache_port_1.BudgetCache, useExisting: redis_budget_source_1.RedisBudgetSource },
            { provide: metering_1.UsageEventSink, useClass: usage_event_sink_1.BillingUsageEventSink },
            { provide: billing_for_invoicing_1.BillingForInvoicing, useClass: billing_for_invoicing_service_1.BillingForInvoicingService },
            ingest_usage_events_use_case_1.IngestUsageEvents,
            manage_customers_use_case_1.CreateCustomer,
            manage_customers_use_case_1.UpdateCustomer,
            manage_customers_use_case_1.DeleteCustomer,
            create_metric_use_case_1.CreateMetric,
            agent_records_use_case_1.AgentRecordGuards,
            agent_records_use_case_1.RecordAgentActivity,
            agent_records_use_case_1.RecordAgentCost,
            agent_records_use_case_1.RecordOutcome,
            agent_records_use_case_1.GetAgentStats,
            manage_plans_use_case_1.CreatePlan,
            manage_plans_use_case_1.UpdatePlan,
            manage_subscriptions_use_case_1.CreateSubscription,
            manage_subscriptions_use_case_1.ChangeSeats,
            manage_subscriptions_use_case_1.ChangePlan,
            manage_subscriptions_use_case_1.CancelSubscription,
            manage_subscriptions_use_case_1.PublishSubscriptionUpdated,
            credits_use_case_1.GrantCredits,
            credits_use_case_1.DebitCredits,
            coupons_use_case_1.CreateCoupon,
            coupons_use_case_1.RedeemCoupon,
            payments_use_case_1.SyncPaymentCustomer,
            payments_use_case_1.CreateCheckoutSession,
            rate_period_use_case_1.RatePeriod,
            commit_invoiced_period_use_case_1.CommitInvoicedPeriod,
        ],
        exports: [metering_1.UsageEventSink, metering_1.BudgetSource, billing_for_invoicing_1.BillingForInvoicing, payment_gateway_port_1.PaymentGateway, credits_use_case_1.DebitCredits],
    })
], BillingModule);
//# sourceMappingURL=billing.module.js.map