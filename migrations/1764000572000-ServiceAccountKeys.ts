import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ed25519 public keys service accounts register to sign their requests (RFC 9421). */
export class ServiceAccountKeys1764000572000 implements MigrationInterface {
  name = 'ServiceAccountKeys1764000572000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_account_keys (
        key_id text PRIMARY KEY,
        service_account text NOT NULL,
        -- Raw 32-byte Ed25519 public key, base64url (the JWK "x").
        public_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE INDEX service_account_keys_account_idx ON service_account_keys (service_account, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS service_account_keys`);
  }
}
