"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageRollups1764000300001 = void 0;
class UsageRollups1764000300001 {
    name = 'UsageRollups1764000300001';
    async up(q) {
        await q.query(`
      CREATE TABLE usage_rollups_hourly (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        metric_id uuid NOT NULL,
        agent_id uuid,
        hour timestamptz NOT NULL,
        -- Concurrent ingest statements write different shards of the same hour, so they do not queue on one row.
        shard smallint NOT NULL DEFAULT 0,
        events bigint NOT NULL,
        value_sum numeric NOT NULL,
        value_max numeric,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT usage_rollups_hourly_key UNIQUE NULLS NOT DISTINCT (tenant_id, customer_id, metric_id, hour, agent_id, shard)
      );
      CREATE TRIGGER usage_rollups_hourly_updated_at BEFORE UPDATE ON usage_rollups_hourly FOR EACH ROW EXECUTE FUNCTION set_updated_at();
      INSERT INTO usage_rollups_hourly (tenant_id, customer_id, metric_id, agent_id, hour, events, value_sum, value_max)
      SELECT tenant_id, customer_id, metric_id, agent_id, date_trunc('hour', ts, 'UTC'), count(*), coalesce(sum(value), 0), max(value)
        FROM usage_events WHERE customer_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
    `);
    }
    async down(q) {
        await q.query(`DROP TABLE IF EXISTS usage_rollups_hourly`);
    }
}
exports.UsageRollups1764000300001 = UsageRollups1764000300001;
//# sourceMappingURL=1764000300001-UsageRollups.js.map