import { signUp, SignedUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/** Lists with another contract on purpose: OpenAI's own list shape for OpenAI clients. */
const OTHER_CONTRACTS = ['listModels'];

describe('One pagination contract on every list', () => {
  let t: TestApp;
  let owner: SignedUp;
  let lists: Array<{ path: string; operationId: string }>;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t);
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    lists = Object.entries<Record<string, any>>(doc.paths).flatMap(([path, item]) =>
      item.get && /^list[A-Z]/.test(item.get.operationId) && !OTHER_CONTRACTS.includes(item.get.operationId)
        ? [{ path, operationId: item.get.operationId, op: item.get, doc }]
        : [],
    );
    for (const { path, op } of lists as any[]) {
      const query = (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
      expect([path, query]).toEqual([path, expect.arrayContaining(['limit', 'cursor'])]);
      const ref = op.responses['200'].content['application/json'].schema.$ref;
      const schema = doc.components.schemas[ref.split('/').pop()];
      expect([path, Object.keys(schema.properties)]).toEqual([
        path,
        expect.arrayContaining(['items', 'nextCursor']),
      ]);
    }
  });
  afterAll(() => t.close());

  it('documents ?limit&cursor -> { items, nextCursor } on every list', () => {
    expect(lists.length).toBeGreaterThanOrEqual(17);
  });

  it('answers a tampered cursor with 400 invalid_cursor on every list', async () => {
    const tampered = Buffer.from('["2026-01-01T00:00:00.000Z","x\' OR 1=1"]').toString('base64url');
    const answers: string[] = [];
    for (const { path, operationId } of lists) {
      if (path.includes('{')) continue; // lists under one resource are checked through their parent below
      const res = await owner.auth(t.http.get(`${path}?cursor=${tampered}`));
      answers.push(`${operationId} ${res.status} ${res.body.code}`);
    }
    // Lists for service accounts only refuse a user before reading the query.
    const checked = answers.filter((a) => !a.endsWith(' 403 service_account_required'));
    expect(checked.filter((a) => !a.endsWith(' 400 invalid_cursor'))).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(12);
  });

  it('walks a list page by page with nextCursor until it is null', async () => {
    for (const name of ['A', 'B', 'C']) {
      await owner.auth(t.http.post('/api/v1/customers')).send({ name, currency: 'EUR' }).expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page = (await owner.auth(t.http.get(`/api/v1/customers${query}`)).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((c: { name: string }) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['A', 'B', 'C']);
  });
});
