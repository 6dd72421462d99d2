import { assertTenantScoped, globalQuery, tenantExecute, tenantQuery, tenantTablesOf } from './tenant-sql';
import { TenantId } from '../domain/tenant-id';

describe('tenant-scoped SQL', () => {
  it('finds the tenant-owned tables a statement names', () => {
    expect(
      tenantTablesOf('SELECT * FROM conversations c JOIN messages m ON m.conversation_id = c.id, users'),
    ).toEqual(['conversations', 'messages']);
    expect(tenantTablesOf('SELECT 1 FROM users WHERE id = $1')).toEqual([]);
  });

  it('refuses a read, update or delete of a tenant-owned table without tenant_id = $1', () => {
    expect(() => assertTenantScoped('SELECT * FROM conversations WHERE id = $2')).toThrow(/conversations/);
    expect(() => assertTenantScoped('UPDATE agents SET name = $2 WHERE id = $3')).toThrow(/agents/);
    expect(() => assertTenantScoped('DELETE FROM webhook_endpoints WHERE tenant_id = $10')).toThrow();
    expect(() => assertTenantScoped('SELECT * FROM conversations WHERE tenant_id = $2')).toThrow();
  });

  it('needs the predicate for every tenant-owned table joined', () => {
    expect(() =>
      assertTenantScoped(
        'SELECT * FROM conversations c JOIN messages m ON m.conversation_id = c.id WHERE c.tenant_id = $1',
      ),
    ).toThrow(/messages/);
    expect(() =>
      assertTenantScoped(
        `SELECT * FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.tenant_id = $1
         WHERE c.tenant_id = $1`,
      ),
    ).not.toThrow();
  });

  it('accepts inserts into several tenant-owned tables that each write the tenant from $1', () => {
    expect(() =>
      assertTenantScoped(
        `WITH c AS (INSERT INTO conversations AS c (id, tenant_id) VALUES ($2, $1) RETURNING id)
         INSERT INTO messages (id, tenant_id, conversation_id) SELECT m, $1, (SELECT id FROM c) FROM unnest($3::uuid[]) m`,
      ),
    ).not.toThrow();
  });

  it('accepts an insert that writes the tenant from $1', () => {
    expect(() =>
      assertTenantScoped('INSERT INTO agents (id, tenant_id, name) VALUES ($2, $1, $3)'),
    ).not.toThrow();
    expect(() => assertTenantScoped('INSERT INTO agents (id, name) VALUES ($2, $3)')).toThrow();
  });

  it('binds the tenant as $1 ahead of the statement parameters', async () => {
    const calls: unknown[][] = [];
    const db = { query: async (_sql: string, params?: unknown[]) => (calls.push(params ?? []), []) };
    await tenantQuery(db, 't-1' as TenantId, 'SELECT id FROM agents WHERE tenant_id = $1 AND id = $2', [
      'a-1',
    ]);
    expect(calls).toEqual([['t-1', 'a-1']]);
  });

  it('answers the rows of an UPDATE, also one written as a WITH statement', async () => {
    const db = { query: async () => [[{ id: 'a-1' }], 1] };
    const sql = 'WITH x AS (SELECT 1) UPDATE agents SET name = $2 WHERE tenant_id = $1 RETURNING id';
    expect(await tenantQuery(db, 't-1' as TenantId, sql, ['n'])).toEqual([{ id: 'a-1' }]);
    expect(await tenantExecute(db, 't-1' as TenantId, sql, ['n'])).toBe(1);
  });

  it('refuses a tenant-owned table in SQL meant for tables of no tenant', async () => {
    const db = { query: async () => [] };
    await expect(globalQuery(db, 'SELECT * FROM users WHERE id = $1', ['u'])).resolves.toEqual([]);
    await expect(
      globalQuery(db, 'SELECT * FROM users u JOIN memberships m ON m.user_id = u.id'),
    ).rejects.toThrow(/memberships/);
  });
});
