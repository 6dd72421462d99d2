import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit notes numbered at commit, as invoices are (1764000650000): issuing writes the series into
 * `credit_notes.number_series` and a deferred constraint trigger takes the next number from the tenant's
 * counter while the transaction commits, so the counter row is no longer locked from the number to the commit
 * (a credit note's wallet grant, the invoice's update and the wait for COMMIT). Both triggers take and format
 * their number with one function, `take_document_number`: the only place the number format is written.
 */
export class CreditNoteNumberAtCommit1764000660000 implements MigrationInterface {
  name = 'CreditNoteNumberAtCommit1764000660000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Next number of the tenant's series, as series-000123 (more digits when needed). The counter row stays
      -- locked until the transaction ends, and a rollback gives the number back: numbers never skip.
      CREATE FUNCTION take_document_number(of_tenant uuid, in_series text) RETURNS text LANGUAGE plpgsql AS $$
      DECLARE
        n integer;
      BEGIN
        INSERT INTO invoice_number_counters (tenant_id, series, last_number) VALUES (of_tenant, in_series, 1)
        ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
        RETURNING last_number INTO n;
        RETURN in_series || '-' || lpad(n::text, greatest(6, length(n::text)), '0');
      END $$;

      CREATE OR REPLACE FUNCTION invoices_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE invoices SET number = take_document_number(NEW.tenant_id, NEW.number_series)
         WHERE tenant_id = NEW.tenant_id AND id = NEW.id AND number IS NULL;
        RETURN NULL;
      END $$;

      ALTER TABLE credit_notes ADD COLUMN number_series text;
      ALTER TABLE credit_notes ALTER COLUMN number DROP NOT NULL;
      ALTER TABLE credit_notes ADD CONSTRAINT credit_notes_numbered
        CHECK (number IS NOT NULL OR number_series IS NOT NULL);

      CREATE FUNCTION credit_notes_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE credit_notes SET number = take_document_number(NEW.tenant_id, NEW.number_series)
         WHERE tenant_id = NEW.tenant_id AND id = NEW.id AND number IS NULL;
        RETURN NULL;
      END $$;

      CREATE CONSTRAINT TRIGGER credit_notes_number_at_commit
        AFTER INSERT ON credit_notes
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.number IS NULL AND NEW.number_series IS NOT NULL)
        EXECUTE FUNCTION credit_notes_number_at_commit();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS credit_notes_number_at_commit ON credit_notes;
      DROP FUNCTION IF EXISTS credit_notes_number_at_commit();
      ALTER TABLE credit_notes DROP CONSTRAINT IF EXISTS credit_notes_numbered;
      ALTER TABLE credit_notes ALTER COLUMN number SET NOT NULL;
      ALTER TABLE credit_notes DROP COLUMN IF EXISTS number_series;

      CREATE OR REPLACE FUNCTION invoices_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        n integer;
      BEGIN
        INSERT INTO invoice_number_counters (tenant_id, series, last_number) VALUES (NEW.tenant_id, NEW.number_series, 1)
        ON CONFLICT (tenant_id, series) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
        RETURNING last_number INTO n;
        UPDATE invoices SET number = NEW.number_series || '-' || lpad(n::text, greatest(6, length(n::text)), '0')
         WHERE tenant_id = NEW.tenant_id AND id = NEW.id AND number IS NULL;
        RETURN NULL;
      END $$;
      DROP FUNCTION IF EXISTS take_document_number(uuid, text);
    `);
  }
}
