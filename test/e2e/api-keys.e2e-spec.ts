import { FixedClock } from '../../src/shared/domain/clock.port';
import { startTestApp, TestApp } from '../support/test-app';
import { addMember, createApiKey, signUp, SignedUp, withApiKey } from '../support/auth';
import { until } from '../support/until';

describe('API keys', () => {
  let t: TestApp;
  let other: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await startTestApp();
    other = await startTestApp(); // a second instance sharing Postgres and Redis
    owner = await signUp(t);
  });
  afterAll(async () => {
    await t.close();
    await other.close();
  });

  it('creates a key shown once, lists it without the secret, and authenticates with it', async () => {
    const res = await owner
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'backend', scopes: ['agents:read', 'usage:read'], expiresAt: '2999-01-01T00:00:00Z' })
      .expect(201);
    expect(res.body).toMatchObject({ name: 'backend', scopes: ['agents:read', 'usage:read'] });
    expect(res.body.key).toMatch(new RegExp(`^tg_live_${res.body.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(res.body.expiresAt).toBe('2999-01-01T00:00:00.000Z');

    for (const auth of [
      withApiKey(res.body.key),
      (r: any) => r.set('Authorization', `Bearer ${res.body.key}`),
    ]) {
      const me = await auth(t.http.get('/api/v1/auth/me')).expect(200);
      expect(me.body).toMatchObject({ kind: 'api_key', id: res.body.id, tenantId: owner.tenantId });
    }

    // lastUsedAt is written after the answer (off the request's path), so the list may lag it briefly.
    const listKey = async () => {
      const list = await owner.auth(t.http.get('/api/v1/api-keys')).expect(200);
      return list.body.items.find((k: { id: string }) => k.id === res.body.id);
    };
    const listed = await until(listKey, (k) => k?.lastUsedAt != null);
    expect(listed).toMatchObject({ prefix: res.body.prefix, scopes: ['agents:read', 'usage:read'] });
    expect(listed.key).toBeUndefined();
    expect(listed.secretHash).toBeUndefined();
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('refuses wrong secrets, unknown prefixes and garbage with 401', async () => {
    const { key } = await createApiKey(t, owner, ['agents:read']);
    const wrongSecret = key.slice(0, -3) + (key.endsWith('AAA') ? 'BBB' : 'AAA');
    const res = await withApiKey(wrongSecret)(t.http.get('/api/v1/auth/me')).expect(401);
    expect(res.body.code).toBe('invalid_api_key');
    await withApiKey(key.replace(/tg_live_[a-z0-9]{12}/, 'tg_live_000000000000'))(
      t.http.get('/api/v1/auth/me'),
    ).expect(401);
    await withApiKey('tg_live_garbage')(t.http.get('/api/v1/auth/me')).expect(401);
  });

  it('enforces scopes, and nobody grants a scope they do not hold', async () => {
    const { key } = await createApiKey(t, owner, ['agents:read']);
    await withApiKey(key)(t.http.post('/api/v1/api-keys'))
      .send({ name: 'x', scopes: ['agents:read'] })
      .expect(403);
    const member = await addMember(t, owner, 'member');
    const denied = await member
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'x', scopes: ['audit:read'] })
      .expect(403);
    expect(denied.body.detail).toMatch(/audit:read/);
    await member
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'x', scopes: ['agents:read'] })
      .expect(201);
    await owner
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'x', scopes: ['no:such'] })
      .expect(400);
    await owner.auth(t.http.post('/api/v1/api-keys')).send({ name: 'x', scopes: [] }).expect(400);
    await owner
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'x', scopes: ['agents:read'], expiresAt: '2001-01-01T00:00:00Z' })
      .expect(400);
  });

  it('a key is bound to its organization: another X-Organization-Id answers 404', async () => {
    const { key } = await createApiKey(t, owner, ['agents:read']);
    const stranger = await signUp(t);
    await withApiKey(key)(t.http.get('/api/v1/auth/me'))
      .set('X-Organization-Id', stranger.tenantId)
      .expect(404);
  });

  it('a revoked key fails at once on every instance, not after a cache timeout', async () => {
    const { id, key } = await createApiKey(t, owner, ['agents:read']);
    // Warm both instances' caches (the cache would otherwise trust the key for AUTH_CACHE_TTL_MS = 30 s).
    await withApiKey(key)(t.http.get('/api/v1/auth/me')).expect(200);
    await withApiKey(key)(other.http.get('/api/v1/auth/me')).expect(200);

    await owner.auth(t.http.delete(`/api/v1/api-keys/${id}`)).expect(204);
    await withApiKey(key)(t.http.get('/api/v1/auth/me')).expect(401);
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 2000) {
      status = (await withApiKey(key)(other.http.get('/api/v1/auth/me'))).status;
      if (status === 401) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1000);
    const res = await withApiKey(key)(other.http.get('/api/v1/auth/me')).expect(401);
    expect(res.body.code).toBe('api_key_revoked');

    await owner.auth(t.http.delete(`/api/v1/api-keys/${id}`)).expect(404);
    const audit = await owner.auth(t.http.get('/api/v1/audit-logs?action=api_key.revoked')).expect(200);
    expect(audit.body.items[0]).toMatchObject({ target: id, actorId: owner.userId });
  });

  it('an expired key answers 401', async () => {
    const clock = new FixedClock(new Date());
    const timed = await startTestApp({ clock });
    try {
      const user = await signUp(timed);
      const { key } = await createApiKey(timed, user, ['agents:read'], {
        expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
      });
      await withApiKey(key)(timed.http.get('/api/v1/auth/principal')).expect(200, {
        kind: 'api_key',
        tenantId: user.tenantId,
      });
      clock.advance(61_000);
      const res = await withApiKey(key)(timed.http.get('/api/v1/auth/me')).expect(401);
      expect(res.body.code).toBe('api_key_expired');
    } finally {
      await timed.close();
    }
  });
});
