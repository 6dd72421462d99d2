import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

/** Cuts an answer of a route ("GET", "/api/v1/agents/:id") with a status to its declared schema. */
export type ResponseCutter = (method: string, routeUrl: string, status: number, payload: unknown) => unknown;

/**
 * Keeps in a JSON answer only what its schema in the OpenAPI document declares, so a field added to a
 * domain object (a hash, a tenant id) cannot leave the service by accident. Values are never changed:
 * a property is either sent as it is or dropped. Free-form objects (no declared properties) and
 * unions pass through whole. Why a filter and not Fastify response schemas: docs/adr/0005.
 */
export function installDeclaredResponses(fastify: FastifyInstance, document: OpenAPIObject): void {
  const cut = responseCutter(document);
  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    done(null, cut(request.method, request.routeOptions.url ?? '', reply.statusCode, payload));
  });
}

type Pick = (value: unknown) => unknown;
const asIs: Pick = (value) => value;

/**
 * Builds the cutter once at boot: one picker function per schema, with its property names and their
 * pickers resolved in advance, so an answer costs a walk over its declared properties and nothing more.
 */
export function responseCutter(document: OpenAPIObject): ResponseCutter {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(schemas[s.$ref.split('/').pop()!] ?? {}) : s);
  const pickers = new Map<Schema, Pick>();

  const compile = (schema: Schema): Pick => {
    const s = resolve(schema);
    const known = pickers.get(s);
    if (known) return known;
    // Registered before its properties are compiled, so a schema that contains itself terminates.
    let pick: Pick = asIs;
    const self: Pick = (value) => pick(value);
    pickers.set(s, self);
    const item = s.items ? compile(s.items) : undefined;
    const parts = s.allOf ? s.allOf.map(resolve) : [s];
    const properties: Record<string, Schema> = {};
    for (const part of parts) Object.assign(properties, part.properties);
    const keys = Object.keys(properties);
    const whole = !!(s.oneOf || s.anyOf) || !keys.length || parts.some((p) => p.additionalProperties);
    const inner = keys.map((key) => compile(properties[key]));
    // Answers are copies of a template holding every declared key (undefined until set; JSON leaves those
    // out). Adding 20+ keys one by one puts a V8 object in dictionary mode, which made JSON.stringify of
    // the cut answer slower than of the whole one (docs/adr/0005, bench/response-serialization.ts).
    const template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, 0])))) as Record<
      string,
      unknown
    >;
    for (const key of keys) template[key] = undefined;
    pick = (value) => {
      if (value === null || typeof value !== 'object') return value;
      if (Array.isArray(value)) return item ? value.map(item) : value;
      if (whole || value instanceof Date) return value;
      const out = { ...template };
      for (let i = 0; i < keys.length; i++) {
        const v = (value as Record<string, unknown>)[keys[i]];
        if (v !== undefined) out[keys[i]] = inner[i](v);
      }
      return out;
    };
    return self;
  };

  // "GET /api/v1/agents/:id" -> a picker per declared status.
  const routes = new Map<string, Record<string, Pick>>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, { responses?: object }>)) {
      const byStatus: Record<string, Pick> = {};
      for (const [status, response] of Object.entries(op?.responses ?? {})) {
        const schema = (response as { content?: Record<string, { schema?: Schema }> }).content?.[
          'application/json'
        ]?.schema;
        if (schema) byStatus[status] = compile(schema);
      }
      if (Object.keys(byStatus).length)
        routes.set(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`, byStatus);
    }
  }

  return (method, routeUrl, status, payload) => {
    const pick = routes.get(`${method} ${routeUrl}`)?.[String(status)];
    return pick ? pick(payload) : payload;
  };
}
