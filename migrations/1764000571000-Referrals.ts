import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals among a tenant's customers: the tenant's program (rewards and when they are due), codes owned
 * by customers, and one referral per referred customer with the rewards fixed when it was made.
 */
export class Referrals1764000571000 implements MigrationInterface {
  name = 'Referrals1764000571000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_programs (
        tenant_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        enabled boolean NOT NULL,
        referrer_reward numeric(30,12) NOT NULL CHECK (referrer_reward >= 0),
        referee_reward numeric(30,12) NOT NULL CHECK (referee_reward >= 0),
        reward_on text NOT NULL CHECK (reward_on IN ('signup', 'first_paid_invoice')),
        reward_expires_in_days int CHECK (reward_expires_in_days > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TRIGGER referral_programs_updated_at BEFORE UPDATE ON referral_programs FOR EACH ROW EXECUTE FUNCTION set_updated_at();

      CREATE TABLE referral_codes (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, code),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX referral_codes_customer_idx ON referral_codes (tenant_id, customer_id);

      CREATE TABLE referrals (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        code text NOT NULL,
        referrer_customer_id uuid NOT NULL,
        referee_customer_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'rewarded')),
        referrer_reward numeric(30,12) NOT NULL,
        referee_reward numeric(30,12) NOT NULL,
        reward_on text NOT NULL CHECK (reward_on IN ('signup', 'first_paid_invoice')),
        reward_expires_in_days int,
        rewarded_at timestamptz,
        reward_invoice_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A customer is referred at most once, and never by itself.
        UNIQUE (tenant_id, referee_customer_id),
        CHECK (referrer_customer_id <> referee_customer_id),
        FOREIGN KEY (tenant_id, referrer_customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, referee_customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX referrals_referrer_idx ON referrals (tenant_id, referrer_customer_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS referrals, referral_codes, referral_programs`);
  }
}
