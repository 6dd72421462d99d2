"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Billing1764000300000 = void 0;
class Billing1764000300000 {
    name = 'Billing1764000300000';
    async up(q) {
        await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        external_id text,
        name text NOT NULL,
        email text,
        currency char(3) NOT NULL,
        timezone text NOT NULL DEFAULT 'UTC',
        tax_rate numeric(9,4) NOT NULL DEFAULT 0,
        stripe_customer_id text,
        billing_address jsonb,
        spend_cap numeric(30,12),
        prepaid_only boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      );
      CREATE UNIQUE INDEX customers_external_uq ON customers (tenant_id, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX customers_tenant_idx ON customers (tenant_id, created_at);
      CREATE TRIGGER customers_updated_at BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE billable_metrics (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        aggregation text NOT NULL CHECK (aggregation IN ('count','sum','max','unique_count','latest')),
        field text,
        filters jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, code)
      );
      CREATE TRIGGER billable_metrics_updated_at BEFORE UPDATE ON billable_metrics FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      -- The primary key is the idempotency key: the dedupe happens in the same INSERT as the event.
      -- ts is the billing time (late events are moved to the open period's start); occurred_at is as sent.
      CREATE TABLE usage_events (
        tenant_id uuid NOT NULL,
        event_id text NOT NULL,
        customer_id uuid,
        metric_id uuid NOT NULL,
        agent_id uuid,
        ts timestamptz NOT NULL,
        occurred_at timestamptz NOT NULL,
        value numeric,
        properties jsonb NOT NULL DEFAULT '{}',
        late boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, event_id)
      );
      -- Covering index: summaries and rating are index-only scans over one customer/metric/time range.
      CREATE INDEX usage_events_rating_idx ON usage_events (tenant_id, customer_id, metric_id, ts) INCLUDE (value, agent_id);

      CREATE TABLE agent_costs (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL,
        customer_id uuid,
        external_id text,
        cost_type text NOT NULL,
        amount numeric(30,12) NOT NULL,
        currency char(3) NOT NULL,
        occurred_at timestamptz NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX agent_costs_external_uq ON agent_costs (tenant_id, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX agent_costs_agent_idx ON agent_costs (tenant_id, agent_id, occurred_at);
      CREATE INDEX agent_costs_customer_idx ON agent_costs (tenant_id, customer_id, occurred_at);

      CREATE TABLE agent_outcomes (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL,
        customer_id uuid,
        external_id text,
        type text NOT NULL,
        value numeric(30,12) NOT NULL,
        currency char(3) NOT NULL,
        evidence jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','verified','rejected')),
        status_reason text,
        verified_at timestamptz,
        occurred_at timestamptz NOT NULL,
        invoice_id uuid,
        billed_amount numeric(30,12),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX agent_outcomes_external_uq ON agent_outcomes (tenant_id, external_id) WHERE external_id IS NOT NULL;
      CREATE INDEX agent_outcomes_agent_idx ON agent_outcomes (tenant_id, agent_id);
      CREATE INDEX agent_outcomes_billable_idx ON agent_outcomes (tenant_id, customer_id, verified_at) WHERE status = 'verified' AND invoice_id IS NULL;
      CREATE TRIGGER agent_outcomes_updated_at BEFORE UPDATE ON agent_outcomes FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE plans (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        current_version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, code)
      );
      CREATE TRIGGER plans_updated_at BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      -- A version is immutable once a subscription uses it; charges are a JSON document validated in code.
      CREATE TABLE plan_versions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        version int NOT NULL,
        name text NOT NULL,
        currency char(3) NOT NULL,
        interval text NOT NULL CHECK (interval IN ('month','quarter','year')),
        trial_days int NOT NULL DEFAULT 0,
        minimum_commitment numeric(30,12),
        charges jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, version)
      );
      CREATE INDEX plan_versions_tenant_idx ON plan_versions (tenant_id);
      CREATE TRIGGER plan_versions_updated_at BEFORE UPDATE ON plan_versions FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plans(id),
        plan_version_id uuid NOT NULL REFERENCES plan_versions(id),
        status text NOT NULL CHECK (status IN ('trialing','active','past_due','canceled')),
        seats int NOT NULL DEFAULT 1,
        timezone text NOT NULL,
        started_at timestamptz NOT NULL,
        trial_end timestamptz,
        -- Periods are anchor + n intervals (calendar months), counted from the anchor, never chained.
        anchor_date date NOT NULL,
        period_index int NOT NULL DEFAULT 0,
        current_period_start timestamptz NOT NULL,
        current_period_end timestamptz NOT NULL,
        cancel_at_period_end boolean NOT NULL DEFAULT false,
        canceled_at timestamptz,
        -- True once the last period has been invoiced: nothing more is due.
        closed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX subscriptions_tenant_idx ON subscriptions (tenant_id, customer_id);
      CREATE INDEX subscriptions_due_idx ON subscriptions (current_period_end, id) WHERE NOT closed;
      CREATE TRIGGER subscriptions_updated_at BEFORE UPDATE ON subscriptions FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      -- Proration and other one-off amounts waiting for the next invoice of the subscription.
      CREATE TABLE subscription_adjustments (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        kind text NOT NULL,
        description text NOT NULL,
        quantity numeric(30,12) NOT NULL,
        unit_amount numeric(30,12) NOT NULL,
        amount numeric(30,12) NOT NULL,
        effective_at timestamptz NOT NULL,
        invoice_id uuid,
        -- Keeps lines in the order they were recorded (one change writes several at the same instant).
        seq bigint GENERATED ALWAYS AS IDENTITY,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX subscription_adjustments_open_idx ON subscription_adjustments (tenant_id, subscription_id) WHERE invoice_id IS NULL;
      CREATE TRIGGER subscription_adjustments_updated_at BEFORE UPDATE ON subscription_adjustments FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      -- One row per invoiced period: makes commitInvoicedPeriod idempotent.
      CREATE TABLE subscription_invoiced_periods (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        invoice_id uuid NOT NULL,
        credits_applied numeric(30,12) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, period_start)
      );
      CREATE INDEX subscription_invoiced_periods_tenant_idx ON subscription_invoiced_periods (tenant_id);

      -- The wallet row is the lock every debit takes; the balance is derived from the ledger.
      CREATE TABLE credit_wallets (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        currency char(3) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, customer_id)
      );

      -- Append-only: grants are positive, debits negative and point at the grant they consume.
      CREATE TABLE credit_ledger (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        wallet_id uuid NOT NULL REFERENCES credit_wallets(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('paid_grant','free_grant','debit')),
        amount numeric(30,12) NOT NULL,
        grant_id uuid REFERENCES credit_ledger(id),
        expires_at timestamptz,
        reference text,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'debit') = (amount < 0)),
        CHECK ((kind = 'debit') = (grant_id IS NOT NULL))
      );
      CREATE INDEX credit_ledger_wallet_idx ON credit_ledger (wallet_id, created_at);
      CREATE INDEX credit_ledger_tenant_idx ON credit_ledger (tenant_id);
      CREATE UNIQUE INDEX credit_ledger_grant_reference_uq ON credit_ledger (tenant_id, reference) WHERE kind <> 'debit' AND reference IS NOT NULL;

      CREATE TABLE coupons (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('percentage','fixed')),
        percent_off numeric(9,4),
        amount_off numeric(30,12),
        currency char(3),
        duration text NOT NULL CHECK (duration IN ('once','repeating','forever')),
        duration_periods int,
        expires_at timestamptz,
        max_redemptions int,
        redemptions int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, code),
        CHECK (max_redemptions IS NULL OR redemptions <= max_redemptions)
      );
      CREATE TRIGGER coupons_updated_at BEFORE UPDATE ON coupons FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE coupon_redemptions (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        coupon_id uuid NOT NULL REFERENCES coupons(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        periods_remaining int,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','consumed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (coupon_id, customer_id)
      );
      CREATE INDEX coupon_redemptions_customer_idx ON coupon_redemptions (tenant_id, customer_id) WHERE status = 'active';
      CREATE TRIGGER coupon_redemptions_updated_at BEFORE UPDATE ON coupon_redemptions FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      -- Hard caps per API key (customer caps live on customers.spend_cap).
      CREATE TABLE api_key_spend_caps (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        api_key_id uuid NOT NULL,
        amount numeric(30,12) NOT NULL,
        currency char(3) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, api_key_id)
      );
      CREATE TRIGGER api_key_spend_caps_updated_at BEFORE UPDATE ON api_key_spend_caps FOR EACH ROW EXECUTE FUNCTION set_updated_at();
    `);
    }
    async down(q) {
        await q.query(`
      DROP TABLE IF EXISTS api_key_spend_caps, coupon_redemptions, coupons, credit_ledger, credit_wallets,
        subscription_invoiced_periods, subscription_adjustments, subscriptions, plan_versions, plans,
        agent_outcomes, agent_costs, usage_events, billable_metrics, customers CASCADE;
    `);
    }
}
exports.Billing1764000300000 = Billing1764000300000;
//# sourceMappingURL=1764000300000-Billing.js.map