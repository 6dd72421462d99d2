"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreditNoteRefunds1764000460000 = void 0;
class CreditNoteRefunds1764000460000 {
    name = 'CreditNoteRefunds1764000460000';
    async up(q) {
        await q.query(`ALTER TABLE credit_notes DROP CONSTRAINT credit_notes_refund_status_check`);
        await q.query(`
      ALTER TABLE credit_notes
        ADD CONSTRAINT credit_notes_refund_status_check
          CHECK (refund_status IN ('none','pending','succeeded','manual','failed')),
        ADD COLUMN refund_id text,
        ADD COLUMN refund_error text`);
    }
    async down(q) {
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
exports.CreditNoteRefunds1764000460000 = CreditNoteRefunds1764000460000;
//# sourceMappingURL=1764000460000-CreditNoteRefunds.js.map