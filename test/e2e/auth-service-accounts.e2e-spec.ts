import * as argon2 from 'argon2';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';

describe('service accounts: YAML catalog and client credentials', () => {
  let t: TestApp;
  let org: SignedUp;
  let otherOrg: SignedUp;
  const secret = 'sk_test_client_secret_value';

  beforeAll(async () => {
    const setup = await startTestApp();
    org = await signUp(setup);
    otherOrg = await signUp(setup);
    await setup.close();
    const hash = await argon2.hash(secret, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-sa-'));
    const file = join(dir, 'service-accounts.yaml');
    writeFileSync(
      file,
      `serviceAccounts:
  - name: exporter
    clientId: sa_exporter
    clientSecretHash: '${hash}'
    scopes: [api_keys:read, audit:read]
    tenants: ['${org.tenantId}']
  - name: platform
    clientId: sa_platform
    clientSecretHash: '${hash}'
    scopes: [api_keys:read]
    tenants: all
`,
    );
    t = await startTestApp({ env: { AUTH_SERVICE_ACCOUNTS_FILE: file } });
  });
  afterAll(() => t.close());

  const token = (body: Record<string, string>) =>
    t.http
      .post('/api/v1/auth/token')
      .send({ grant_type: 'client_credentials', client_secret: secret, ...body });

  it('issues a scoped, tenant-bound token that works on scoped routes', async () => {
    const res = await token({
      client_id: 'sa_exporter',
      tenant_id: org.tenantId,
      scope: 'api_keys:read',
    }).expect(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'api_keys:read' });
    const auth = (req: any) => req.set('Authorization', `Bearer ${res.body.access_token}`);
    const me = await auth(t.http.get('/api/v1/auth/me')).expect(200);
    expect(me.body).toMatchObject({
      kind: 'service_account',
      id: 'exporter',
      tenantId: org.tenantId,
      scopes: ['api_keys:read'],
    });
    await auth(t.http.get('/api/v1/api-keys')).expect(200);
    await auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'x', scopes: ['agents:read'] })
      .expect(403);
    await auth(t.http.get('/api/v1/api-keys')).set('X-Organization-Id', otherOrg.tenantId).expect(404);
  });

  it('refuses wrong secrets, unknown clients, scopes and tenants it is not allowed', async () => {
    const bad = await token({ client_id: 'sa_exporter', client_secret: 'wrong' }).expect(401);
    expect(bad.body.code).toBe('invalid_client');
    await token({ client_id: 'sa_nobody' }).expect(401);
    const scope = await token({ client_id: 'sa_exporter', scope: 'members:manage' }).expect(400);
    expect(scope.body.code).toBe('invalid_scope');
    await token({ client_id: 'sa_exporter', tenant_id: otherOrg.tenantId }).expect(403);
    await token({ client_id: 'sa_exporter', grant_type: 'password' }).expect(400);
  });

  it('an "all tenants" account picks the organization per request', async () => {
    const res = await token({ client_id: 'sa_platform' }).expect(200);
    const auth = (req: any) => req.set('Authorization', `Bearer ${res.body.access_token}`);
    await auth(t.http.get('/api/v1/api-keys')).expect(403);
    await auth(t.http.get('/api/v1/api-keys')).set('X-Organization-Id', otherOrg.tenantId).expect(200);
  });

  it('refuses to start with an invalid catalog, naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-sa-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'serviceAccounts:\n  - name: Bad Name\n    clientId: x\n    scopes: [nope]\n    tenants: all\n',
    );
    await expect(startTestApp({ env: { AUTH_SERVICE_ACCOUNTS_FILE: file } })).rejects.toThrow(
      /service account catalog/,
    );
  });
});
