import { MigrationInterface, QueryRunner } from 'typeorm';

/** Refunds sent to the payment gateway: the gateway's refund id, and a retryable `failed` state with its error. */
export class CreditNoteRefunds1764000460000 implements MigrationInterface {
  name = 'CreditNoteRefunds1764000460000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_notes DROP CONSTRAINT credit_notes_refund_status_check`);
    await q.query(`
      ALTER TABLE credit_notes
        ADD CONSTRAINT credit_notes_refund_status_check
          CHECK (refund_status IN ('none','pending','succeeded','manual','failed')),
        ADD COLUMN refund_id text,
        ADD COLUMN refund_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE credit_notes SET refund_status = 'pending' WHERE refund_status = 'failed'`);
    await q.query(`
      ALTER TABLE credit_notes
        DROP CONSTRAINT credit_notes_refund_status_check,
        DROP COLUMN refund_id,
        DROP COLUMN refund_error`);
    await q.query(`
      ALTER TABLE credit_notes ADD CONSTRAINT credit_notes_refund_status_check
        CHECK (refund_status IN ('none','pending','succeeded','manual'))`);
  }
}
