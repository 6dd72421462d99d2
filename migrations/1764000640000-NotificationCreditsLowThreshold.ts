import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organization's own credits-low threshold (null: the global CREDITS_LOW_THRESHOLD). */
export class NotificationCreditsLowThreshold1764000640000 implements MigrationInterface {
  name = 'NotificationCreditsLowThreshold1764000640000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification_settings
        ADD COLUMN credits_low_threshold numeric(32, 12) CHECK (credits_low_threshold >= 0);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_settings DROP COLUMN credits_low_threshold`);
  }
}
