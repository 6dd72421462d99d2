import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoice numbers taken at commit. The tenant's counter row stays locked from the number's statement to
 * the commit (gapless numbers), so one tenant's invoices commit one at a time; taken by the application,
 * the hold also covered a round trip and the wait for the (busy) application to send COMMIT. Finalizing
 * now writes the series into `number_series`, and a deferred constraint trigger takes the number and writes
 * it while the transaction commits: the row is locked only inside Postgres, for the commit itself.
 */
export class InvoiceNumberAtCommit1764000650000 implements MigrationInterface {
  name = 'InvoiceNumberAtCommit1764000650000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE invoices ADD COLUMN number_series text;

      CREATE FUNCTION invoices_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        n integer;
      BEGIN
        INSERT INTO invoice_number_counters (tenant_id, series, last_number) VALUES (NEW.tenant_id, NEW.number_series, 1)
        ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
        RETURNING last_number INTO n;
        -- series-000123, more digits when needed (take_document_number, migration 1764000660000, now holds the format).
        UPDATE invoices SET number = NEW.number_series || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
         WHERE tenant_id = NEW.tenant_id AND id = NEW.id AND number IS NULL;
        RETURN NULL;
      END $$;

      CREATE CONSTRAINT TRIGGER invoices_number_at_commit
        AFTER INSERT OR UPDATE OF number_series ON invoices
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.number IS NULL AND NEW.number_series IS NOT NULL)
        EXECUTE FUNCTION invoices_number_at_commit();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS invoices_number_at_commit ON invoices;
      DROP FUNCTION IF EXISTS invoices_number_at_commit();
      ALTER TABLE invoices DROP COLUMN IF EXISTS number_series;
    `);
  }
}
