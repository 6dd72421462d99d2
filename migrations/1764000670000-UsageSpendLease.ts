import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The spend lease a usage record's call drew from (see AdmissionLeases): the sweeper reconciles a lease an
 * instance left open against the summed cost of the records that name it.
 */
export class UsageSpendLease1764000670000 implements MigrationInterface {
  name = 'UsageSpendLease1764000670000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE llm_usage ADD COLUMN spend_lease_id uuid`);
    await q.query(
      `CREATE INDEX llm_usage_spend_lease_idx ON llm_usage (tenant_id, spend_lease_id) WHERE spend_lease_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS llm_usage_spend_lease_idx`);
    await q.query(`ALTER TABLE llm_usage DROP COLUMN IF EXISTS spend_lease_id`);
  }
}
