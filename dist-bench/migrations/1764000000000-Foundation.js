"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Foundation1764000000000 = void 0;
class Foundation1764000000000 {
    name = 'Foundation1764000000000';
    async up(q) {
        await q.query(`
      CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger AS $$
      BEGIN
        NEW.updated_at = now();
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;
    `);
    }
    async down(q) {
        await q.query(`DROP FUNCTION IF EXISTS set_updated_at()`);
    }
}
exports.Foundation1764000000000 = Foundation1764000000000;
//# sourceMappingURL=1764000000000-Foundation.js.map