import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, TestApp } from '../support/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is valid OpenAPI 3 and every operation has an operationId, a summary and response schemas', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    await SwaggerParser.validate(structuredClone(doc));

    const problems: string[] = [];
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
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
    }
    expect(problems).toEqual([]);
  });
});
