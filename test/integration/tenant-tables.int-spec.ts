import { Client } from 'pg';
import { TENANT_TABLES } from '../../src/shared/persistence/tenant-sql';

describe('TENANT_TABLES', () => {
  it('lists exactly the tables whose rows all belong to a tenant (tenant_id NOT NULL)', async () => {
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ table_name: string }>(
        `SELECT c.table_name FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND c.is_nullable = 'NO'
            AND t.table_type = 'BASE TABLE'
          ORDER BY 1`,
      );
      expect([...TENANT_TABLES].sort()).toEqual(rows.map((r) => r.table_name));
    } finally {
      await db.end();
    }
  });
});
