import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv } from '../fakes/fake-openai-setup';

/**
 * Walks every operation of the served OpenAPI document with hostile payloads, so a new route is covered
 * the day it is added. Nothing may answer 5xx; strings the database cannot store (NUL, unpaired
 * surrogates) and bodies nested too deep are refused with 400 before anything else runs.
 */

type Schema = Record<string, any>;
type Doc = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } };
type Variant = 'nul' | 'surrogate' | 'huge' | 'wrongType' | 'deep' | 'deepObject';

const NUL = 'x\u0000y';
const SURROGATE = 'x\ud800y';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function resolve(doc: Doc, schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop()] ?? {};
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Schema) => resolve(doc, x)));
  if (s.oneOf || s.anyOf) return resolve(doc, (s.oneOf ?? s.anyOf)[0]);
  return s;
}

/** A value of the schema where every free-text string, number or field carries the variant's poison. */
function hostileValue(doc: Doc, raw: Schema | undefined, variant: Variant, depth = 0): unknown {
  const s = resolve(doc, raw);
  const type = s.type ?? (s.properties ? 'object' : 'string');
  if (variant === 'wrongType' && depth > 0) {
    return type === 'string' ? { $ne: null } : type === 'object' ? 'text' : type === 'array' ? {} : 'NaN';
  }
  if (type === 'object' || depth === 0) {
    if (depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries<Schema>(s.properties ?? {}))
      out[k] = hostileValue(doc, v, variant, depth + 1);
    if (!s.properties && s.additionalProperties)
      out.key = hostileValue(doc, s.additionalProperties, variant, depth + 1);
    return out;
  }
  if (type === 'array') return [hostileValue(doc, s.items, variant, depth + 1)];
  if (type === 'integer' || type === 'number') return variant === 'huge' ? 1e308 : (s.minimum ?? 1);
  if (type === 'boolean') return true;
  if (s.enum) return s.enum[0];
  const example = typeof s.example === 'string' ? s.example : 'text';
  if (variant === 'nul') return example + NUL;
  if (variant === 'surrogate') return example + SURROGATE;
  if (variant === 'huge') return s.format === 'decimal' || /^-?\d/.test(example) ? '1e999999' : example;
  return example;
}

/** A lone surrogate has no UTF-8 form; send the bytes a careless encoder would (CESU-8). */
const encode = (v: string) => (v === SURROGATE ? 'x%ED%A0%80y' : encodeURIComponent(v));

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const QUERY_VALUES = [
  '1e20',
  '-1e20',
  '99999999999999999999',
  NUL,
  SURROGATE,
  '%%%',
  '[object Object]',
  // Tampered cursors: well-formed base64 around what the decoders split and cast.
  b64(`2026-01-01T00:00:00.000Z|not-a-uuid`),
  b64(`-000001-01-01T00:00:00.000Z|${randomUUID()}`),
  b64(`+275760-09-13T00:00:00.000Z|${randomUUID()}`),
  b64('1e400'),
  b64('99999999999999999999'),
];

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

interface Probe {
  method: string;
  path: string;
  url: string;
  variant: Variant | 'query' | 'param';
  body?: unknown;
  raw?: string;
  expect400?: boolean;
}

function probesFor(doc: Doc, path: string, method: string, op: any): Probe[] {
  const params: any[] = op.parameters ?? [];
  const withParams = (value: (name: string) => string, query: Record<string, string> = {}) => {
    const filled = path.replace(/\{([^}]+)\}/g, (_m, name) => encode(value(name)));
    const qs = Object.entries(query)
      .map(([k, v]) => `${k}=${encode(v)}`)
      .join('&');
    return qs ? `${filled}?${qs}` : filled;
  };
  const url = withParams(() => randomUUID());
  const probes: Probe[] = [];
  const requestSchema = op.requestBody?.content?.['application/json']?.schema;
  if (requestSchema) {
    for (const variant of ['nul', 'surrogate', 'huge', 'wrongType'] as const) {
      const body = hostileValue(doc, requestSchema, variant);
      const poisoned = /x\\u0000y|x\\ud800y/.test(JSON.stringify(body));
      probes.push({ method, path, url, variant, body, expect400: poisoned });
    }
    probes.push({ method, path, url, variant: 'deep', raw: deepArray(10_000), expect400: true });
    probes.push({ method, path, url, variant: 'deepObject', raw: deepObject(3_000), expect400: true });
  }
  const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name as string);
  // One parameter at a time, so a valid neighbour cannot hide the one under test behind its own 400.
  for (const name of queryParams) {
    for (const value of QUERY_VALUES) {
      probes.push({
        method,
        path,
        url: withParams(() => randomUUID(), { [name]: value }),
        variant: 'query',
        expect400: value === NUL,
      });
    }
  }
  if (path.includes('{')) {
    for (const value of [NUL, SURROGATE, 'toString', '__proto__', '9'.repeat(400)])
      probes.push({
        method,
        path,
        url: withParams(() => value),
        variant: 'param',
        expect400: value === NUL,
      });
  }
  return probes;
}

describe('hostile input on every documented operation', () => {
  let fake: FakeOpenAi;
  let t: TestApp;
  let owner: SignedUp;
  let doc: Doc;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    t = await startTestApp({
      listen: true,
      env: { ...chatEnv(fake), STRIPE_WEBHOOK_SECRET: 'whsec_hostile_input_test' },
    });
    owner = await signUp(t);
    doc = (await t.http.get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('answers no 5xx, and 400 for NUL, unpaired surrogates and deep nesting', async () => {
    const probes: Probe[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of METHODS)
        if (item[method]) probes.push(...probesFor(doc, path, method, item[method]));
    expect(probes.length).toBeGreaterThan(200);

    const failures: string[] = [];
    const probe = async (p: Probe) => {
      // Logout ends the session the other probes use; its refusals are covered like any other route's.
      let req = owner.auth((t.http as any)[p.method](p.url));
      if (p.raw !== undefined) req = req.set('content-type', 'application/json').send(p.raw);
      else if (p.body !== undefined) req = req.send(p.body as object);
      const res = await req;
      const where = `${p.method.toUpperCase()} ${p.variant === 'query' ? p.url : p.path} [${p.variant}] -> ${res.status} ${res.body?.code ?? ''}`;
      if (res.status >= 500) failures.push(where);
      else if (p.expect400 && res.status !== 400) failures.push(`${where} (expected 400)`);
    };
    // A few at a time: the whole walk is several thousand requests.
    const queue = [...probes];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await probe(p);
      }),
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it('looks up user-given names by own property only', async () => {
    for (const model of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const res = await owner
        .auth(t.http.post('/v1/chat/completions'))
        .send({ model, messages: [{ role: 'user', content: 'hi' }] });
      expect([res.status, res.body.code]).toEqual([404, 'model_not_found']);
    }
  });

  it('refuses a query number beyond what the database takes', async () => {
    const res = await owner.auth(t.http.get('/api/v1/customers?limit=1e20'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('names the field holding a NUL and never calls the model', async () => {
    const before = fake.requests.length;
    const res = await owner
      .auth(t.http.post('/v1/chat/completions'))
      .send({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'a\u0000b' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'messages[0].content' })]);
    expect(fake.requests.length).toBe(before);
  });
});
