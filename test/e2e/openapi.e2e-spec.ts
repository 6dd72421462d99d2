import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, TestApp } from '../support/test-app';

type Op = Record<string, any>;

/** Public routes: reachable without credentials, so the document must not ask for any. */
const PUBLIC_OPERATIONS = [
  'getLiveness',
  'getReadiness',
  'registerUser',
  'verifyEmail',
  'logIn',
  'refreshTokens',
  'issueToken',
  'getCurrentPrincipal',
  'getJwks',
  'receiveStripeEvent',
  'getMetrics',
];

const VERB =
  /^(list|get|create|update|delete|archive|add|remove|change|cancel|set|put|ingest|record|register|logIn|logOut|refresh|issue|chat|rename|grant|redeem|sync|preview|start|finalize|void|retry|redeliver|receive|revoke|verify|resend|accept|decline|leave)([A-Z]\w*)?$/;

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: any;
  let ops: Array<{ path: string; method: string; op: Op }>;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: 'https://api.tollgate.test' } });
    doc = (await t.http.get('/docs-json').expect(200)).body;
    ops = Object.entries<Record<string, Op>>(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
  });
  afterAll(() => t.close());

  it('is valid OpenAPI 3 and every operation has an operationId, a summary and response schemas', async () => {
    await SwaggerParser.validate(structuredClone(doc));

    const problems: string[] = [];
    const ids = new Set<string>();
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) problems.push(`${where}: no operationId`);
      else if (ids.has(op.operationId)) problems.push(`${where}: duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      if (!op.summary) problems.push(`${where}: no summary`);
      const success = Object.entries<any>(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
      if (!success.length) problems.push(`${where}: no 2xx response`);
      for (const [code, res] of success) {
        // 204 and 202-with-no-body legitimately have no content
        if (code === '204') continue;
        const content = res.content ?? {};
        if (!Object.values<any>(content).some((c) => c.schema))
          problems.push(`${where}: ${code} has no schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names operations with a verb on their resource and tags them with the path resource', () => {
    const bad = ops.filter(({ op }) => !VERB.test(op.operationId)).map(({ op }) => op.operationId);
    expect(bad).toEqual([]);
    const byId = new Map(ops.map((o) => [o.op.operationId, o]));
    expect(byId.get('listAgents')?.path).toBe('/api/v1/agents');
    expect(byId.get('createAgent')?.path).toBe('/api/v1/agents');
    expect(byId.get('ingestUsageEvents')?.path).toBe('/api/v1/usage/events');
    for (const { path, op } of ops) {
      if (path.startsWith('/v1/')) expect(op.tags).toEqual(['openai-compatible']);
      else
        expect(
          path
            .replace(/^\/api\/v1/, '')
            .split('/')[1]
            .replace(/^\./, ''),
        ).toBe(op.tags[0]);
    }
    const tags = doc.tags.map((tag: { name: string }) => tag.name);
    expect(new Set(ops.map(({ op }) => op.tags[0]))).toEqual(new Set(tags));
  });

  it('marks public routes as needing no credentials and every other route as answering 401', () => {
    const publicIds = ops.filter(({ op }) => op.security?.length === 0).map(({ op }) => op.operationId);
    expect(publicIds.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
    expect(doc.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
    for (const { op } of ops) {
      if (!PUBLIC_OPERATIONS.includes(op.operationId))
        expect([op.operationId, !!op.responses['401']]).toEqual([op.operationId, true]);
    }
  });

  it('declares problem+json error statuses per operation, not only a default', () => {
    const missing: string[] = [];
    for (const { path, method, op } of ops) {
      const codes = Object.keys(op.responses);
      const where = `${op.operationId}`;
      if (
        !codes.some((c) => /^4\d\d$/.test(c)) &&
        !['getLiveness', 'getReadiness', 'getCurrentPrincipal', 'getJwks', 'getMetrics'].includes(
          op.operationId,
        )
      )
        missing.push(`${where}: no 4xx`);
      if ((op.parameters ?? []).some((p: any) => p.in === 'path') && !codes.includes('404'))
        missing.push(`${where}: path id but no 404`);
      if (
        (op.requestBody || (op.parameters ?? []).some((p: any) => p.in === 'query')) &&
        !codes.includes('400')
      )
        missing.push(`${method} ${path}: input but no 400`);
    }
    expect(missing).toEqual([]);
    for (const [name, response] of Object.entries<any>(doc.components.responses)) {
      expect([name, response.content['application/problem+json'].schema]).toEqual([
        name,
        { $ref: '#/components/schemas/ProblemDetails' },
      ]);
    }
    const chat = ops.find(({ op }) => op.operationId === 'chatWithAgent')!.op;
    expect(Object.keys(chat.responses)).toEqual(
      expect.arrayContaining(['400', '401', '402', '403', '404', '409', '429', '502', '503', '504']),
    );
    expect(doc.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
  });

  it('declares X-Organization-Id on every route that acts in an organization, and the organization path id', () => {
    const org = doc.components.parameters.OrganizationId;
    expect(org).toMatchObject({ name: 'X-Organization-Id', in: 'header', required: false });
    const header = (op: Op) =>
      (op.parameters ?? []).some((p: any) => p.$ref === '#/components/parameters/OrganizationId');
    const tenantScoped = ops.filter(
      ({ path, op }) =>
        !PUBLIC_OPERATIONS.includes(op.operationId) &&
        !/^\/api\/v1\/(auth|organizations|invitations|tools)\b/.test(path),
    );
    expect(tenantScoped.filter(({ op }) => !header(op)).map(({ op }) => op.operationId)).toEqual([]);
    for (const { path, op } of ops.filter((o) => o.path.startsWith('/api/v1/organizations/{id}'))) {
      expect([path, op.parameters.find((p: any) => p.name === 'id')?.in]).toEqual([path, 'path']);
      expect(header(op)).toBe(false);
    }
  });

  it('takes its servers from configuration', () => {
    expect(doc.servers).toEqual([{ url: 'https://api.tollgate.test' }]);
  });

  it('types nullable scalars as their scalar, never as object', () => {
    const wrong: string[] = [];
    for (const [name, schema] of Object.entries<any>(doc.components.schemas)) {
      for (const [prop, s] of Object.entries<any>(schema.properties ?? {})) {
        if (s.nullable && s.type === 'object' && !s.properties && !s.allOf && !s.additionalProperties)
          wrong.push(`${name}.${prop}`);
      }
    }
    expect(wrong).toEqual([]);
    const agent = doc.components.schemas.CreateAgentDto.properties;
    expect([agent.temperature.type, agent.maxTokens.type, agent.externalId.type]).toEqual([
      'number',
      'integer',
      'string',
    ]);
    expect(doc.components.schemas.IngestEventsDto.properties.events.items).toEqual({
      $ref: '#/components/schemas/UsageEventDto',
    });
    expect(doc.components.schemas.TierDto.required ?? []).not.toContain('upTo');
  });
});
