import { Client } from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { databaseUrl, withAdmin } from '../test/setup/test-database';
import { medianOf } from './support/load';

/**
 * What Postgres row-level security would cost the ingest statement (docs/adr/0006): batches of 1,000
 * usage-shaped rows, `INSERT … SELECT unnest(…) ON CONFLICT DO NOTHING`, 4 clients as a non-owner role,
 * into a plain table (baseline) and into one with a tenant policy, where each transaction first sets the
 * tenant with set_config. Alternating rounds (BENCH_ROUNDS, 5) of BENCH_BATCHES (50) batches per client.
 * Uses a throw-away database on the DATABASE_URL server.
 */
async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const batches = Number(process.env.BENCH_BATCHES ?? 50);
  const dbName = `tollgate_bench_rls_${randomBytes(3).toString('hex')}`;
  const role = `${dbName}_app`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const connect = async () => {
    const c = new Client({ connectionString: databaseUrl(dbName) });
    await c.connect();
    return c;
  };
  const setup = await connect();
  const clients: Client[] = [];
  try {
    await setup.query(`CREATE ROLE "${role}"`);
    for (const table of ['events_plain', 'events_rls']) {
      await setup.query(
        `CREATE TABLE ${table} (tenant_id uuid NOT NULL, event_id text NOT NULL, customer_id uuid NOT NULL,
           value numeric NOT NULL, ts timestamptz NOT NULL, PRIMARY KEY (tenant_id, event_id))`,
      );
      await setup.query(`GRANT SELECT, INSERT ON ${table} TO "${role}"`);
    }
    await setup.query(`ALTER TABLE events_rls ENABLE ROW LEVEL SECURITY`);
    await setup.query(
      `CREATE POLICY tenant ON events_rls USING (tenant_id = current_setting('app.tenant_id')::uuid)
         WITH CHECK (tenant_id = current_setting('app.tenant_id')::uuid)`,
    );
    for (let i = 0; i < 4; i++) {
      const c = await connect();
      await c.query(`SET ROLE "${role}"`); // a non-owner: owners and superusers bypass the policy
      clients.push(c);
    }
    const tenants = clients.map(() => randomUUID());
    const customer = randomUUID();
    let seq = 0;
    const insert = (table: string) =>
      `INSERT INTO ${table} (tenant_id, event_id, customer_id, value, ts)
       SELECT $1, e, $2, 1, now() FROM unnest($3::text[]) e ON CONFLICT DO NOTHING`;
    const round = async (rls: boolean, n: number): Promise<number> => {
      const started = process.hrtime.bigint();
      await Promise.all(
        clients.map(async (c, i) => {
          for (let b = 0; b < n; b++) {
            const ids = Array.from({ length: 1000 }, () => `e${seq++}`);
            await c.query('BEGIN');
            if (rls) await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenants[i]]);
            await c.query(insert(rls ? 'events_rls' : 'events_plain'), [tenants[i], customer, ids]);
            await c.query('COMMIT');
          }
        }),
      );
      return (clients.length * n * 1000) / (Number(process.hrtime.bigint() - started) / 1e9);
    };
    await round(false, 10);
    await round(true, 10);
    const plain: number[] = [];
    const rls: number[] = [];
    for (let r = 0; r < rounds; r++)
      for (const withRls of r % 2 ? [true, false] : [false, true])
        (withRls ? rls : plain).push(await round(withRls, batches));
    const ratios = rls.map((x, i) => x / plain[i]);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `rows/s without RLS: ${plain.map(Math.round).join(', ')} (median ${Math.round(medianOf(plain))})`,
    );
    console.log(
      `rows/s with RLS:    ${rls.map(Math.round).join(', ')} (median ${Math.round(medianOf(rls))})`,
    );
    console.log(`with / without, per round: ${ratios.map(pct).join(', ')}; median ${pct(medianOf(ratios))}`);
    // The policy is live for this role: a row of another tenant is refused.
    const c = clients[0];
    await c.query('BEGIN');
    await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenants[0]]);
    const refused = await c.query(insert('events_rls'), [tenants[1], customer, ['x']]).then(
      () => false,
      () => true,
    );
    await c.query('ROLLBACK');
    if (!refused) throw new Error('the policy accepted a row of another tenant');
    console.log('a row of another tenant is refused by the policy');
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await setup.query(`DROP OWNED BY "${role}"`).catch(() => undefined);
    await setup.end();
    await withAdmin(async (c) => {
      await c.query(`DROP DATABASE "${dbName}"`);
      await c.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
