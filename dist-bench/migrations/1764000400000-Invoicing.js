"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Invoicing1764000400000 = void 0;
class Invoicing1764000400000 {
    name = 'Invoicing1764000400000';
    async up(q) {
        await q.query(`
      CREATE TABLE invoice_number_counters (
        tenant_id uuid NOT NULL,
        series text NOT NULL,
        last_number integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, series)
      )`);
        await q.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','finalized','paid','void','uncollectible')),
        number text,
        currency char(3) NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        subtotal numeric(30,12) NOT NULL DEFAULT 0,
        discount_total numeric(30,12) NOT NULL DEFAULT 0,
        tax_rate numeric(12,6) NOT NULL DEFAULT 0,
        tax_total numeric(30,12) NOT NULL DEFAULT 0,
        credits_applied numeric(30,12) NOT NULL DEFAULT 0,
        total numeric(30,12) NOT NULL DEFAULT 0,
        amount_credited numeric(30,12) NOT NULL DEFAULT 0,
        customer jsonb NOT NULL DEFAULT '{}',
        outcomes jsonb NOT NULL DEFAULT '[]',
        grace_until timestamptz NOT NULL,
        finalized_at timestamptz,
        due_at timestamptz,
        paid_at timestamptz,
        voided_at timestamptz,
        overdue_at timestamptz,
        payment_failed_at timestamptz,
        collection_method text NOT NULL DEFAULT 'manual' CHECK (collection_method IN ('manual','stripe')),
        stripe_invoice_id text,
        -- Stripe said "paid" before we finalized: finalize ends in paid (events never move state backwards).
        paid_externally_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invoices_one_per_period UNIQUE (subscription_id, period_start),
        CONSTRAINT invoices_number_unique UNIQUE (tenant_id, number)
      )`);
        await q.query(`CREATE INDEX invoices_tenant_created ON invoices (tenant_id, created_at DESC, id)`);
        await q.query(`CREATE INDEX invoices_drafts_due ON invoices (grace_until) WHERE status = 'draft'`);
        await q.query(`CREATE INDEX invoices_unpaid_due ON invoices (due_at) WHERE status = 'finalized'`);
        await q.query(`CREATE UNIQUE INDEX invoices_stripe_id ON invoices (stripe_invoice_id)`);
        await q.query(`CREATE TRIGGER invoices_updated_at BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`CREATE TRIGGER invoice_number_counters_updated_at BEFORE UPDATE ON invoice_number_counters FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE invoice_lines (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        invoice_id uuid NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind text NOT NULL,
        description text NOT NULL,
        quantity numeric(30,12) NOT NULL,
        unit_amount numeric(30,12) NOT NULL,
        amount numeric(30,12) NOT NULL,
        charge_id text,
        metric_code text,
        metadata jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (invoice_id, position)
      )`);
        await q.query(`CREATE INDEX invoice_lines_tenant ON invoice_lines (tenant_id)`);
        await q.query(`
      CREATE TABLE credit_notes (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        invoice_id uuid NOT NULL REFERENCES invoices(id),
        number text NOT NULL,
        reason text NOT NULL,
        method text NOT NULL CHECK (method IN ('refund','credit')),
        currency char(3) NOT NULL,
        total numeric(30,12) NOT NULL,
        refund_status text NOT NULL DEFAULT 'none' CHECK (refund_status IN ('none','pending','succeeded','manual')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, number)
      )`);
        await q.query(`CREATE INDEX credit_notes_tenant_invoice ON credit_notes (tenant_id, invoice_id)`);
        await q.query(`CREATE TRIGGER credit_notes_updated_at BEFORE UPDATE ON credit_notes FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE credit_note_lines (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        credit_note_id uuid NOT NULL REFERENCES credit_notes(id) ON DELETE CASCADE,
        invoice_line_id uuid REFERENCES invoice_lines(id),
        description text NOT NULL,
        amount numeric(30,12) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX credit_note_lines_tenant ON credit_note_lines (tenant_id, credit_note_id)`);
        await q.query(`
      CREATE TABLE invoice_runs (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        as_of timestamptz NOT NULL,
        expanded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX invoice_runs_tenant ON invoice_runs (tenant_id, created_at DESC)`);
        await q.query(`CREATE TRIGGER invoice_runs_updated_at BEFORE UPDATE ON invoice_runs FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE invoice_run_items (
        run_id uuid NOT NULL REFERENCES invoice_runs(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        period_start timestamptz NOT NULL,
        -- 'done' is not stored: an item is done when its period has an invoice (read with the run).
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','failed')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, subscription_id, period_start)
      )`);
        await q.query(`CREATE INDEX invoice_run_items_sub ON invoice_run_items (subscription_id, period_start)`);
        await q.query(`CREATE INDEX invoice_run_items_tenant ON invoice_run_items (tenant_id)`);
        await q.query(`CREATE TRIGGER invoice_run_items_updated_at BEFORE UPDATE ON invoice_run_items FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE outcome_verification_rules (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        outcome_type text NOT NULL,
        auto_accept_below numeric(30,12),
        required_evidence text[] NOT NULL DEFAULT '{}',
        webhook_url text,
        webhook_secret text,
        dispute_window_hours integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, outcome_type)
      )`);
        await q.query(`CREATE TRIGGER outcome_verification_rules_updated_at BEFORE UPDATE ON outcome_verification_rules FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE failed_jobs (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        data jsonb NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        status text NOT NULL DEFAULT 'dead' CHECK (status IN ('dead','retried')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (queue, job_id)
      )`);
        await q.query(`CREATE INDEX failed_jobs_tenant ON failed_jobs (tenant_id, created_at DESC)`);
        await q.query(`CREATE TRIGGER failed_jobs_updated_at BEFORE UPDATE ON failed_jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }
    async down(q) {
        for (const t of [
            'failed_jobs',
            'outcome_verification_rules',
            'invoice_run_items',
            'invoice_runs',
            'credit_note_lines',
            'credit_notes',
            'invoice_lines',
            'invoices',
            'invoice_number_counters',
        ])
            await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
}
exports.Invoicing1764000400000 = Invoicing1764000400000;
//# sourceMappingURL=1764000400000-Invoicing.js.map