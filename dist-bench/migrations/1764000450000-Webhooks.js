"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Webhooks1764000450000 = void 0;
class Webhooks1764000450000 {
    name = 'Webhooks1764000450000';
    async up(q) {
        await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL,
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX webhook_endpoints_tenant ON webhook_endpoints (tenant_id)`);
        await q.query(`CREATE TRIGGER webhook_endpoints_updated_at BEFORE UPDATE ON webhook_endpoints FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, event_id)
      )`);
        await q.query(`CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC)`);
        await q.query(`CREATE TRIGGER webhook_deliveries_updated_at BEFORE UPDATE ON webhook_deliveries FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE webhook_delivery_attempts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        status_code integer,
        error text,
        response_body text,
        duration_ms integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (tenant_id, delivery_id)`);
        await q.query(`
      CREATE TABLE stripe_events (
        id uuid PRIMARY KEY,
        stripe_event_id text NOT NULL UNIQUE,
        tenant_id uuid,
        type text NOT NULL,
        event_created timestamptz NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received','processed','ignored','failed')),
        error text,
        processed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX stripe_events_tenant ON stripe_events (tenant_id)`);
        await q.query(`CREATE TRIGGER stripe_events_updated_at BEFORE UPDATE ON stripe_events FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
        await q.query(`
      CREATE TABLE stripe_object_states (
        object_id text PRIMARY KEY,
        tenant_id uuid NOT NULL,
        object_type text NOT NULL,
        status text NOT NULL,
        status_rank integer NOT NULL,
        object_created timestamptz NOT NULL,
        event_created timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX stripe_object_states_tenant ON stripe_object_states (tenant_id)`);
        await q.query(`CREATE TRIGGER stripe_object_states_updated_at BEFORE UPDATE ON stripe_object_states FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }
    async down(q) {
        for (const t of [
            'stripe_object_states',
            'stripe_events',
            'webhook_delivery_attempts',
            'webhook_deliveries',
            'webhook_endpoints',
        ])
            await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
}
exports.Webhooks1764000450000 = Webhooks1764000450000;
//# sourceMappingURL=1764000450000-Webhooks.js.map