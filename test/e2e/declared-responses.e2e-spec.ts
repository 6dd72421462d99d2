import { createApiKey, signUp, SignedUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/** Answers carry what the document declares and nothing else. */
describe('Responses are cut to their declared schema', () => {
  let t: TestApp;
  let owner: SignedUp;
  let doc: any;
  const declared = (name: string) => Object.keys(doc.components.schemas[name].properties).sort();
  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t);
    doc = (await t.http.get('/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('never sends an API key hash or its tenant id', async () => {
    const res = await owner
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'leak check', scopes: ['agents:read'] })
      .expect(201);
    expect(res.body.secretHash).toBeUndefined();
    expect(res.body.tenantId).toBeUndefined();
    expect(declared('CreatedApiKeyDto')).toEqual(expect.arrayContaining(Object.keys(res.body)));
    expect(res.body.key).toMatch(/^tg_/);
  });

  it('sends audit entries without their tenant id', async () => {
    await createApiKey(t, owner, ['agents:read']);
    const res = await owner.auth(t.http.get('/api/v1/audit-logs')).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(item.tenantId).toBeUndefined();
      expect(declared('AuditLogDto')).toEqual(expect.arrayContaining(Object.keys(item)));
    }
  });
});
