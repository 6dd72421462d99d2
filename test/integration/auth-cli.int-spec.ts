import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { logIn, signUp, TEST_PASSWORD, withApiKey } from '../support/auth';

const root = join(__dirname, '../..');

/** Runs the CLI as `npm run cli` does, against this run's database and Redis prefix. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/cli.ts', ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, timeout: 150_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// One app boot under ts-node takes several seconds on a busy machine: keep this suite to a single one.
jest.setTimeout(180_000);

describe('CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates an API key for a tenant that then authenticates', async () => {
    const owner = await signUp(t);
    const key = await cli([
      'api-key:create',
      '--tenant',
      owner.tenantId,
      '--name',
      'ci',
      '--scopes',
      'agents:read,usage:read',
    ]);
    expect(key.stderr).toMatch(/shown only once/);
    expect(key.code).toBe(0);
    const secret = key.stdout.trim();
    expect(secret).toMatch(/^tg_live_/);
    const me = await withApiKey(secret)(t.http.get('/api/v1/auth/me')).expect(200);
    expect(me.body).toMatchObject({
      kind: 'api_key',
      tenantId: owner.tenantId,
      scopes: ['agents:read', 'usage:read'],
    });
    const audit = await owner.auth(t.http.get('/api/v1/audit-logs?action=api_key.created')).expect(200);
    expect(audit.body.items[0]).toMatchObject({ actorKind: 'cli' });
  });

  it('creates an owner the operator vouches for: verified, owning the organization, able to sign in', async () => {
    const email = `cli-owner-${Date.now().toString(36)}@example.test`;
    const created = await cli([
      'owner:create',
      '--email',
      email,
      '--password',
      TEST_PASSWORD,
      '--name',
      'Ops Owner',
      '--org',
      'Ops Org',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/organization: [0-9a-f-]{36} \(Ops Org\)/);
    const session = await logIn(t, email);
    const me = await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ role: 'owner', emailVerified: true });
  });

  it('exits 2 with the usage on bad input, before starting the app', async () => {
    const unknown = await cli(['no-such-command']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command[\s\S]*Usage: npm run cli/);
    const missing = await cli([
      'api-key:create',
      '--tenant',
      'not-a-uuid',
      '--name',
      'x',
      '--scopes',
      'agents:read',
    ]);
    expect(missing.code).toBe(2);
  });
});
