"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AuthTenancy1764000100000 = void 0;
class AuthTenancy1764000100000 {
    name = 'AuthTenancy1764000100000';
    async up(q) {
        await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_uq ON users (lower(email));
      CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      -- An organization is a tenant: its id is the tenant_id of every row it owns.
      CREATE TABLE organizations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TRIGGER organizations_updated_at BEFORE UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE memberships (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner','admin','billing','member','viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, user_id)
      );
      CREATE INDEX memberships_user_idx ON memberships (user_id);
      CREATE TRIGGER memberships_updated_at BEFORE UPDATE ON memberships FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      -- Invitations for emails without an account yet; they become memberships when that email registers.
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner','admin','billing','member','viewer')),
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX invitations_pending_uq ON invitations (tenant_id, lower(email)) WHERE accepted_at IS NULL;
      CREATE INDEX invitations_email_idx ON invitations (lower(email)) WHERE accepted_at IS NULL;
      CREATE TRIGGER invitations_updated_at BEFORE UPDATE ON invitations FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE refresh_token_families (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        revoked_at timestamptz,
        revoked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_token_families_user_idx ON refresh_token_families (user_id);
      CREATE TRIGGER refresh_token_families_updated_at BEFORE UPDATE ON refresh_token_families FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL REFERENCES refresh_token_families(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
      CREATE TRIGGER refresh_tokens_updated_at BEFORE UPDATE ON refresh_tokens FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('next','active','retired')),
        public_jwk jsonb NOT NULL,
        private_key_enc text NOT NULL,
        activated_at timestamptz,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (status) WHERE status = 'active';
      CREATE UNIQUE INDEX signing_keys_one_next ON signing_keys (status) WHERE status = 'next';
      CREATE TRIGGER signing_keys_updated_at BEFORE UPDATE ON signing_keys FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash bytea NOT NULL,
        scopes text[] NOT NULL,
        created_by text,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at DESC);
      CREATE TRIGGER api_keys_updated_at BEFORE UPDATE ON api_keys FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE audit_logs (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        action text NOT NULL,
        actor_kind text,
        actor_id text,
        target text,
        ip text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_logs_tenant_time_idx ON audit_logs (tenant_id, created_at DESC, id DESC);
      CREATE INDEX audit_logs_tenant_action_idx ON audit_logs (tenant_id, action, created_at DESC);
    `);
    }
    async down(q) {
        await q.query(`
      DROP TABLE IF EXISTS audit_logs;
      DROP TABLE IF EXISTS api_keys;
      DROP TABLE IF EXISTS signing_keys;
      DROP TABLE IF EXISTS refresh_tokens;
      DROP TABLE IF EXISTS refresh_token_families;
      DROP TABLE IF EXISTS invitations;
      DROP TABLE IF EXISTS memberships;
      DROP TABLE IF EXISTS organizations;
      DROP TABLE IF EXISTS users;
    `);
    }
}
exports.AuthTenancy1764000100000 = AuthTenancy1764000100000;
//# sourceMappingURL=1764000100000-AuthTenancy.js.map