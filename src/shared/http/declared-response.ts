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

/**
 * Keeps in a JSON answer only what its schema in the OpenAPI document declares, so a field added to a
 * domain object (a hash, a tenant id) cannot leave the service by accident. Values are never changed:
 * a property is either sent as it is or dropped. Free-form objects (no declared properties) and
 * unions pass through whole.
 */
export function installDeclaredResponses(fastify: FastifyInstance, document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(schemas[s.$ref.split('/').pop()!] ?? {}) : s);

  const pick = (value: unknown, schema: Schema): unknown => {
    const s = resolve(schema);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return s.items ? value.map((v) => pick(v, s.items!)) : value;
    if (s.oneOf || s.anyOf) return value;
    const parts = s.allOf ? s.allOf.map(resolve) : [s];
    const properties: Record<string, Schema> = {};
    for (const part of parts) Object.assign(properties, part.properties);
    if (!Object.keys(properties).length || parts.some((p) => p.additionalProperties)) return value;
    if (value instanceof Date) return value;
    const out: Record<string, unknown> = {};
    for (const [key, propertySchema] of Object.entries(properties)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = pick(v, propertySchema);
    }
    return out;
  };

  // "GET /api/v1/agents/:id" -> the JSON schema of each declared status.
  const routes = new Map<string, Record<string, Schema>>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, { responses?: object }>)) {
      const byStatus: Record<string, Schema> = {};
      for (const [status, response] of Object.entries(op?.responses ?? {})) {
        const schema = (response as { content?: Record<string, { schema?: Schema }> }).content?.[
          'application/json'
        ]?.schema;
        if (schema) byStatus[status] = schema;
      }
      if (Object.keys(byStatus).length)
        routes.set(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`, byStatus);
    }
  }

  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    const byStatus = routes.get(`${request.method} ${request.routeOptions.url}`);
    const schema = byStatus?.[String(reply.statusCode)];
    done(null, schema ? pick(payload, schema) : payload);
  });
}
