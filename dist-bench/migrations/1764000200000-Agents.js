"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Agents1764000200000 = void 0;
class Agents1764000200000 {
    name = 'Agents1764000200000';
    async up(q) {
        await q.query(`
      CREATE TABLE agents (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        slug text NOT NULL,
        description text NOT NULL DEFAULT '',
        provider text NOT NULL DEFAULT 'default',
        model text NOT NULL,
        instructions text NOT NULL DEFAULT '',
        temperature real,
        top_p real,
        max_tokens integer,
        tools text[] NOT NULL DEFAULT '{}',
        billing_plan_id uuid,
        external_id text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived')),
        metadata jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE UNIQUE INDEX agents_tenant_slug_uq ON agents (tenant_id, slug)`);
        await q.query(`CREATE UNIQUE INDEX agents_tenant_external_id_uq ON agents (tenant_id, external_id) WHERE external_id IS NOT NULL`);
        await q.query(`CREATE INDEX agents_tenant_created_idx ON agents (tenant_id, created_at DESC, id DESC)`);
        await q.query(`CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON agents FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }
    async down(q) {
        await q.query(`DROP TABLE IF EXISTS agents`);
    }
}
exports.Agents1764000200000 = Agents1764000200000;
//# sourceMappingURL=1764000200000-Agents.js.map