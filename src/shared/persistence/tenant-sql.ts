import { TenantId } from '../domain/tenant-id';

/**
 * Tables whose every row belongs to one tenant (`tenant_id NOT NULL`). A test compares this list with the
 * database, so a new tenant-owned table cannot be left out.
 */
export const TENANT_TABLES: ReadonlySet<string> = new Set([
  'agent_costs',
  'agent_outcomes',
  'agents',
  'api_key_spend_caps',
  'api_keys',
  'audit_logs',
  'billable_metrics',
  'conversations',
  'coupon_redemptions',
  'coupons',
  'credit_ledger',
  'credit_note_lines',
  'credit_notes',
  'credit_wallets',
  'customers',
  'failed_jobs',
  'invitations',
  'invoice_lines',
  'invoice_number_counters',
  'invoice_run_items',
  'invoice_runs',
  'invoices',
  'llm_usage',
  'memberships',
  'messages',
  'notification_outbox',
  'notification_settings',
  'outcome_verification_rules',
  'plan_versions',
  'plans',
  'referral_codes',
  'referral_programs',
  'referrals',
  'stripe_object_states',
  'subscription_adjustments',
  'subscription_invoiced_periods',
  'subscriptions',
  'usage_analytics_hourly',
  'usage_events',
  'usage_rollups_hourly',
  'webhook_deliveries',
  'webhook_delivery_attempts',
  'webhook_endpoints',
]);

/** A DataSource or an EntityManager (inside a transaction). */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * pg's Pool answers { rows }: a Queryable straight on the pool, for the ingestion hot path that skips
 * TypeORM's query wrapper.
 */
export const poolQueryable = (pool: {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}): Queryable => ({ query: async (sql, params) => (await pool.query(sql, params)).rows });

const TABLE_REF = /\b(?:FROM|JOIN|UPDATE)\s+([a-z_][a-z0-9_]*)/gi;
const INSERT_REF = /\bINSERT\s+INTO\s+([a-z_][a-z0-9_]*)(?:\s+AS\s+[a-z_][a-z0-9_]*)?\s*\(([^)]*)\)/gi;

const tenantOwned = (names: string[]) =>
  [...new Set(names.map((n) => n.toLowerCase()))].filter((n) => TENANT_TABLES.has(n));

/** The tenant-owned tables a statement names. */
export function tenantTablesOf(sql: string): string[] {
  return tenantOwned([...sql.matchAll(TABLE_REF), ...sql.matchAll(INSERT_REF)].map((m) => m[1]));
}

/**
 * Refuses a statement on tenant-owned tables that does not confine itself to the tenant bound as $1: every
 * such table it reads, updates or deletes from needs its own `tenant_id = $1`, and every one it inserts into
 * needs `tenant_id` among the columns (with $1 bound somewhere in the statement).
 */
export function assertTenantScoped(sql: string): void {
  const inserts = [...sql.matchAll(INSERT_REF)].filter((m) => TENANT_TABLES.has(m[1].toLowerCase()));
  const unscopedInsert = inserts.find((m) => !/\btenant_id\b/i.test(m[2]) || !/\$1(?!\d)/.test(sql));
  if (unscopedInsert)
    throw new Error(`INSERT INTO ${unscopedInsert[1]} without tenant_id from $1: ${sql.slice(0, 200)}`);
  const tables = tenantOwned([...sql.matchAll(TABLE_REF)].map((m) => m[1]));
  const predicates = sql.match(/\btenant_id\s*=\s*\$1(?!\d)/gi)?.length ?? 0;
  if (predicates < tables.length)
    throw new Error(
      `SQL on tenant-owned ${tables.join(', ')} without a tenant_id = $1 predicate for each: ${sql.slice(0, 200)}`,
    );
}

/**
 * TypeORM's query() answers a statement whose command is UPDATE or DELETE (also one that starts with WITH)
 * with [rows, rowCount]: always return the rows. A row is an object, never an array, so the shape tells.
 */
function rowsOf<Row>(result: unknown): Row[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as Row[];
  return result as Row[];
}

/**
 * The one way raw SQL reaches tenant-owned data: the tenant is bound as $1 here (the statement's own
 * parameters start at $2), and a statement that does not filter each tenant-owned table by it is refused
 * before it runs.
 */
export async function tenantQuery<Row = Record<string, unknown>>(
  db: Queryable,
  tenantId: TenantId,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  assertTenantScoped(sql);
  return rowsOf<Row>(await db.query(sql, [tenantId, ...params]));
}

/** tenantQuery for an UPDATE or DELETE whose answer is how many rows it changed. */
export async function tenantExecute(
  db: Queryable,
  tenantId: TenantId,
  sql: string,
  params: readonly unknown[] = [],
): Promise<number> {
  assertTenantScoped(sql);
  return affectedOf(await db.query(sql, [tenantId, ...params]));
}

const affectedOf = (result: unknown): number =>
  Array.isArray(result) && typeof result[1] === 'number'
    ? result[1]
    : Array.isArray(result)
      ? result.length
      : 0;

/**
 * Raw SQL across tenants, for work that is not a tenant's request (retention purges, schedulers finding due
 * work, the Stripe intake before the tenant is known). `why` names the reason at the call site.
 */
export async function crossTenantQuery<Row = Record<string, unknown>>(
  db: Queryable,
  why: string,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  if (!why.trim()) throw new Error('crossTenantQuery needs a reason');
  return rowsOf<Row>(await db.query(sql, [...params]));
}

/** crossTenantQuery for an UPDATE or DELETE whose answer is how many rows it changed. */
export async function crossTenantExecute(
  db: Queryable,
  why: string,
  sql: string,
  params: readonly unknown[] = [],
): Promise<number> {
  if (!why.trim()) throw new Error('crossTenantExecute needs a reason');
  return affectedOf(await db.query(sql, [...params]));
}

/** Refuses a statement that names a tenant-owned table: such SQL needs tenantQuery or crossTenantQuery. */
export function assertTenantFree(sql: string): void {
  const tables = tenantTablesOf(sql);
  if (tables.length)
    throw new Error(`SQL on tenant-owned ${tables.join(', ')} needs tenantQuery: ${sql.slice(0, 200)}`);
}

/**
 * Raw SQL on tables that belong to no tenant (users, their tokens, signing keys, service accounts, locks):
 * refused if it names a tenant-owned table.
 */
export async function globalQuery<Row = Record<string, unknown>>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  assertTenantFree(sql);
  return rowsOf<Row>(await db.query(sql, [...params]));
}
