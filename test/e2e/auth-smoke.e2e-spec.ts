import { startTestApp, TestApp } from '../support/test-app';
import { addMember, createApiKey, signUp, withApiKey } from '../support/auth';

describe('auth helpers smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs up, adds a member, creates an API key', async () => {
    const owner = await signUp(t);
    const me = await owner.auth(t.http.get('/api/v1/auth/me')).expect(200);
    expect(me.body).toMatchObject({ kind: 'user', tenantId: owner.tenantId, role: 'owner' });
    const viewer = await addMember(t, owner, 'viewer');
    const vme = await viewer.auth(t.http.get('/api/v1/auth/me')).expect(200);
    expect(vme.body.role).toBe('viewer');
    const key = await createApiKey(t, owner, ['agents:read']);
    const kme = await withApiKey(key.key)(t.http.get('/api/v1/auth/me')).expect(200);
    expect(kme.body).toMatchObject({ kind: 'api_key', tenantId: owner.tenantId, scopes: ['agents:read'] });
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${key.key}`).expect(200);
  });
});
