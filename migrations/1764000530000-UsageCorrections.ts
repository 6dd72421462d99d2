import { MigrationInterface, QueryRunner } from 'typeorm';

/** A metric may declare that its events carry corrections (negative values); others refuse them. */
export class UsageCorrections1764000530000 implements MigrationInterface {
  name = 'UsageCorrections1764000530000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE billable_metrics ADD COLUMN allows_corrections boolean NOT NULL DEFAULT false`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE billable_metrics DROP COLUMN allows_corrections`);
  }
}
