import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email verification tokens, a user's default organization, and invitations as records the invitee
 * accepts or declines (with an expiry) instead of memberships granted to whoever registers the address.
 */
export class IdentityConsent1764000500000 implements MigrationInterface {
  name = 'IdentityConsent1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email_verified_at timestamptz,
        ADD COLUMN default_organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL;
      -- Accounts created before verification existed keep working: their address counts as verified.
      UPDATE users SET email_verified_at = created_at;

      -- Only the SHA-256 of a token is stored. password_hash/name: credentials chosen by a repeated sign-up
      -- of an unverified address, applied only when that mail's link is used (the mailbox owner wins).
      CREATE TABLE email_verifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        password_hash text,
        name text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX email_verifications_user_idx ON email_verifications (user_id);

      ALTER TABLE invitations
        ADD COLUMN status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending','accepted','declined','revoked','expired')),
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN responded_at timestamptz,
        ADD COLUMN user_id uuid REFERENCES users(id) ON DELETE SET NULL;
      UPDATE invitations SET status = 'accepted', responded_at = accepted_at WHERE accepted_at IS NOT NULL;
      UPDATE invitations SET expires_at = created_at + interval '7 days';
      ALTER TABLE invitations ALTER COLUMN expires_at SET NOT NULL;
      DROP INDEX invitations_pending_uq;
      DROP INDEX invitations_email_idx;
      ALTER TABLE invitations DROP COLUMN accepted_at;
      CREATE UNIQUE INDEX invitations_pending_uq ON invitations (tenant_id, lower(email)) WHERE status = 'pending';
      CREATE INDEX invitations_pending_email_idx ON invitations (lower(email)) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX invitations_pending_email_idx;
      DROP INDEX invitations_pending_uq;
      ALTER TABLE invitations ADD COLUMN accepted_at timestamptz;
      UPDATE invitations SET accepted_at = responded_at WHERE status = 'accepted';
      DELETE FROM invitations WHERE status IN ('declined','revoked','expired');
      ALTER TABLE invitations DROP COLUMN status, DROP COLUMN expires_at, DROP COLUMN responded_at, DROP COLUMN user_id;
      CREATE UNIQUE INDEX invitations_pending_uq ON invitations (tenant_id, lower(email)) WHERE accepted_at IS NULL;
      CREATE INDEX invitations_email_idx ON invitations (lower(email)) WHERE accepted_at IS NULL;
      DROP TABLE email_verifications;
      ALTER TABLE users DROP COLUMN default_organization_id, DROP COLUMN email_verified_at;
    `);
  }
}
