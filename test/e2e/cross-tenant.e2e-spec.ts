import { SCOPES } from '../../src/shared/context/permissions';
import { startTestApp, TestApp } from '../support/test-app';
import { addMember, AuthFn, createApiKey, signUp, SignedUp, withApiKey } from '../support/auth';

/**
 * Every auth/tenancy route that takes an id, called by a member (or an API key) of another organization,
 * answers 404 — never 200, and never a 403 that would reveal the id exists.
 */
describe('cross-tenant matrix (auth and tenancy routes)', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  let aMember: { userId: string };
  let aKey: { id: string };
  let bKey: { key: string };

  beforeAll(async () => {
    t = await startTestApp();
    a = await signUp(t, { orgName: 'Tenant A' });
    b = await signUp(t, { orgName: 'Tenant B' });
    aMember = await addMember(t, a, 'member');
    aKey = await createApiKey(t, a, ['agents:read']);
    bKey = await createApiKey(t, b, [...SCOPES]);
  });
  afterAll(() => t.close());

  const routes = () => [
    {
      name: 'GET organization',
      call: (auth: AuthFn) => auth(t.http.get(`/api/v1/organizations/${a.tenantId}`)),
    },
    {
      name: 'PATCH organization',
      call: (auth: AuthFn) =>
        auth(t.http.patch(`/api/v1/organizations/${a.tenantId}`)).send({ name: 'pwned' }),
    },
    {
      name: 'GET members',
      call: (auth: AuthFn) => auth(t.http.get(`/api/v1/organizations/${a.tenantId}/members`)),
    },
    {
      name: 'POST member',
      call: (auth: AuthFn) =>
        auth(t.http.post(`/api/v1/organizations/${a.tenantId}/members`)).send({
          email: b.email,
          role: 'owner',
        }),
    },
    {
      name: 'PATCH member role (A org)',
      call: (auth: AuthFn) =>
        auth(t.http.patch(`/api/v1/organizations/${a.tenantId}/members/${aMember.userId}`)).send({
          role: 'owner',
        }),
    },
    {
      name: 'DELETE member (A org)',
      call: (auth: AuthFn) => auth(t.http.delete(`/api/v1/organizations/${a.tenantId}/members/${a.userId}`)),
    },
    {
      name: 'PATCH A member through own org',
      call: (auth: AuthFn) =>
        auth(t.http.patch(`/api/v1/organizations/${b.tenantId}/members/${aMember.userId}`)).send({
          role: 'viewer',
        }),
    },
    {
      name: 'DELETE A member through own org',
      call: (auth: AuthFn) =>
        auth(t.http.delete(`/api/v1/organizations/${b.tenantId}/members/${aMember.userId}`)),
    },
    { name: 'DELETE A api key', call: (auth: AuthFn) => auth(t.http.delete(`/api/v1/api-keys/${aKey.id}`)) },
    {
      name: 'GET api keys as A',
      call: (auth: AuthFn) => auth(t.http.get('/api/v1/api-keys')).set('X-Organization-Id', a.tenantId),
    },
    {
      name: 'GET audit logs as A',
      call: (auth: AuthFn) => auth(t.http.get('/api/v1/audit-logs')).set('X-Organization-Id', a.tenantId),
    },
  ];

  const callers = () => [
    { name: 'owner of B (JWT)', auth: (req: any) => req.set('Authorization', `Bearer ${b.accessToken}`) },
    { name: 'API key of B', auth: withApiKey(bKey.key) },
  ];

  it('answers 404 for every route and caller', async () => {
    const results: string[] = [];
    for (const caller of callers()) {
      for (const route of routes()) {
        const res = await route.call(caller.auth);
        if (res.status !== 404) results.push(`${caller.name} / ${route.name}: ${res.status}`);
      }
    }
    expect(results).toEqual([]);
  });

  it("left A's data untouched", async () => {
    const org = await a.auth(t.http.get(`/api/v1/organizations/${a.tenantId}`)).expect(200);
    expect(org.body.name).toBe('Tenant A');
    const members = await a.auth(t.http.get(`/api/v1/organizations/${a.tenantId}/members`)).expect(200);
    expect(
      members.body.items.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort(),
    ).toEqual(
      [
        [a.userId, 'owner'],
        [aMember.userId, 'member'],
      ].sort(),
    );
    const keys = await a.auth(t.http.get('/api/v1/api-keys')).expect(200);
    expect(keys.body.items.find((k: { id: string }) => k.id === aKey.id).revokedAt).toBeNull();
    const bKeys = await b.auth(t.http.get('/api/v1/api-keys')).expect(200);
    expect(bKeys.body.items.map((k: { id: string }) => k.id)).not.toContain(aKey.id);
  });
});
