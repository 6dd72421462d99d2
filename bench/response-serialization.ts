import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastJson from 'fast-json-stringify';
import type { Schema as FjsSchema } from 'fast-json-stringify';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { buildOpenApiDocument } from '../src/shared/http/swagger';
import { responseCutter } from '../src/shared/http/declared-response';

/**
 * What cutting answers to their declared schema costs (src/shared/http/declared-response.ts), per list
 * answer of 50 items, against the two alternatives, interleaved in the same run:
 *  - plain:   JSON.stringify, what Fastify does without a response schema (nothing is cut);
 *  - cut:     the declared-response filter, then JSON.stringify (what the service does);
 *  - fjs:     fast-json-stringify compiled from the same declared schema (Fastify response schemas).
 * Items are built from the schema, with two undeclared fields each (as a domain object would carry);
 * where fast-json-stringify's JSON differs from the declared fields as sent, the first difference is
 * printed. No database: the document is built in Nest's preview mode, as scripts/openapi.ts does.
 * BENCH_ROUNDS (7), BENCH_ITEMS (50).
 */
type Json = Record<string, any>;

const ROUTES = ['/api/v1/agents', '/api/v1/audit-logs', '/api/v1/invoices', '/api/v1/customers'];
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);

function sample(schema: Json, doc: Json, depth = 0): unknown {
  if (schema.$ref) return sample(doc.components.schemas[schema.$ref.split('/').pop()], doc, depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Json) => sample(s, doc, depth)));
  if (schema.oneOf || schema.anyOf) return sample((schema.oneOf ?? schema.anyOf)[0], doc, depth);
  if (schema.enum) return schema.enum[0];
  if (schema.example !== undefined && schema.type !== 'object' && schema.type !== 'array')
    return schema.example;
  switch (schema.type) {
    case 'array':
      return depth === 0 ? [] : [sample(schema.items ?? {}, doc, depth + 1)];
    case 'object': {
      // A free-form object (metadata, evidence): the tenant's own keys.
      if (!schema.properties) return schema.example ?? { team: 'support' };
      const out: Json = { tenantId: '7d1c0a52-6a55-4f0e-9a43-0f3f2f6f7a10', internalNote: 'not declared' };
      for (const [k, v] of Object.entries<Json>(schema.properties ?? {})) out[k] = sample(v, doc, depth + 1);
      return out;
    }
    case 'integer':
    case 'number':
      return 42;
    case 'boolean':
      return true;
    default:
      return schema.format === 'date-time' ? new Date().toISOString() : 'some text';
  }
}

function perCallUs(fn: () => unknown, ms = 300): number {
  let n = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < until) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / 1000 / n;
}

/** The first path where two JSON values differ, with both values; undefined if equal. */
function firstDifference(fjs: unknown, cut: unknown, path: string): string | undefined {
  if (JSON.stringify(fjs) === JSON.stringify(cut)) return undefined;
  if (fjs && cut && typeof fjs === 'object' && typeof cut === 'object') {
    for (const key of new Set([...Object.keys(fjs), ...Object.keys(cut)])) {
      const d = firstDifference((fjs as Json)[key], (cut as Json)[key], `${path}/${key}`);
      if (d) return d;
    }
  }
  return `${path} is ${JSON.stringify(fjs)} (declared fields as sent: ${JSON.stringify(cut)})`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const config = loadConfig({});
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, workers: false }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  const document = buildOpenApiDocument(app, { serverUrl: config.publicBaseUrl });
  await app.close();
  const doc = JSON.parse(JSON.stringify(document)) as Json;
  const cut = responseCutter(document);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

  console.log(`${ITEMS} items per answer, median of ${rounds} interleaved rounds, µs per answer\n`);
  console.log('route                 plain     cut (filter)   fjs      cut/plain  fjs/plain');
  for (const route of ROUTES) {
    const schema = doc.paths[route].get.responses['200'].content['application/json'].schema as Json;
    const page = sample(schema, doc) as Json;
    const itemSchema = doc.components.schemas[schema.$ref.split('/').pop()].properties.items.items;
    page.items = Array.from({ length: ITEMS }, () => sample(itemSchema, doc, 1));
    page.nextCursor = 'eyJrIjoxfQ';
    const fjs = fastJson(
      { $ref: `doc${schema.$ref}` },
      { schema: { doc: doc as FjsSchema }, ajv: { strict: false } },
    );
    const url = route;
    // The three give the same JSON for declared fields; the check keeps the comparison honest.
    const declaredOnly = JSON.stringify(cut('GET', url, 200, page));
    const differs = firstDifference(JSON.parse(fjs(page)), JSON.parse(declaredOnly), '');
    if (differs) console.log(`  fjs differs on ${route}: ${differs}`);
    const times: Record<'plain' | 'cut' | 'fjs', number[]> = { plain: [], cut: [], fjs: [] };
    for (let r = 0; r < rounds; r++) {
      times.plain.push(perCallUs(() => JSON.stringify(page)));
      times.cut.push(perCallUs(() => JSON.stringify(cut('GET', url, 200, page))));
      times.fjs.push(perCallUs(() => fjs(page)));
    }
    const [p, c, f] = [median(times.plain), median(times.cut), median(times.fjs)];
    console.log(
      `${route.padEnd(22)}${p.toFixed(1).padStart(6)}${c.toFixed(1).padStart(14)}${f.toFixed(1).padStart(9)}` +
        `${(c / p).toFixed(2).padStart(11)}x${(f / p).toFixed(2).padStart(10)}x`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
