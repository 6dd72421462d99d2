import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stripe ids Tollgate links its events by: the payment intent that paid an invoice (Stripe's invoice payment
 * intents name no invoice), and refunds by their id on the credit note.
 */
export class StripePaymentLinks1764000530001 implements MigrationInterface {
  name = 'StripePaymentLinks1764000530001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoices ADD COLUMN stripe_payment_intent_id text`);
    await q.query(
      `CREATE UNIQUE INDEX invoices_stripe_payment_intent ON invoices (stripe_payment_intent_id)
        WHERE stripe_payment_intent_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX credit_notes_refund_id ON credit_notes (refund_id) WHERE refund_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX credit_notes_refund_id`);
    await q.query(`ALTER TABLE invoices DROP COLUMN stripe_payment_intent_id`);
  }
}
