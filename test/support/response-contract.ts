import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Checks every answer a test app sends against the OpenAPI document it serves: the status is declared
 * for the operation (`default` does not count), the content type is declared for that status (errors are
 * application/problem+json), and a JSON body validates against the declared schema. Other bodies (PDF,
 * Prometheus text, Server-Sent Events) are checked for status and content type only.
 *
 * Mismatches are collected per test file (jest gives each file its own module registry) and asserted
 * empty after the file's tests (test/setup/response-contract.setup.ts).
 */
export const responseMismatches: string[] = [];
export let responsesChecked = 0;

type Json = Record<string, any>;

/** Served by the app but not part of the API contract. */
const UNDOCUMENTED = /^\/docs(\/|-json|-yaml|$)/;

export function installResponseContract(fastify: FastifyInstance, document: OpenAPIObject): void {
  const doc = JSON.parse(JSON.stringify(document)) as Json;
  // OpenAPI 3.0 as written: ajv reads `nullable` (null allowed where the same schema has a `type`).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(doc, 'doc');

  // "GET /api/v1/agents/:id" (Fastify's route url) -> operation.
  const operations = new Map<string, Json>();
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      operations.set(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`, op);
    }
  }
  // No route: 404, unless the body was refused first (it is read before the route is looked up).
  const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
  const notFound = {
    operationId: '(no route)',
    responses: {
      '400': ref('BadRequest'),
      '404': ref('NotFound'),
      '413': ref('PayloadTooLarge'),
      '415': ref('UnsupportedMediaType'),
    },
  };
  const validators = new Map<string, ValidateFunction>();

  const record = (what: string) => responseMismatches.push(what);

  /** The declared response of an operation for a status, with $ref resolved; undefined if undeclared. */
  const declared = (op: Json, status: number): Json | undefined => {
    const response = op.responses?.[String(status)];
    if (!response?.$ref) return response;
    return doc.components.responses[response.$ref.split('/').pop()];
  };

  const operationOf = (request: FastifyRequest): { op: Json; name: string } | undefined => {
    const url = request.routeOptions.url;
    if (url === undefined) return { op: notFound, name: `${request.method} ${request.url} (no route)` };
    if (UNDOCUMENTED.test(url)) return undefined;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const op = operations.get(`${method} ${url}`);
    const name = `${request.method} ${url}`;
    if (!op) {
      record(`${name}: route not in the document`);
      return undefined;
    }
    return { op, name: `${name} (${op.operationId})` };
  };

  /** Status and content type; returns the declared schema for a JSON body to validate, if any. */
  const checkHead = (request: FastifyRequest, status: number, contentType: string | undefined) => {
    const found = operationOf(request);
    if (!found) return undefined;
    const { op, name } = found;
    responsesChecked++;
    const response = declared(op, status);
    if (!response) {
      record(`${name}: status ${status} not declared`);
      return undefined;
    }
    const type = contentType?.split(';')[0].trim().toLowerCase();
    const content = response.content as Json | undefined;
    if (!content) {
      if (type) record(`${name} ${status}: ${type} body where none is declared`);
      return undefined;
    }
    if (!type || !content[type]) {
      record(`${name} ${status}: content type ${type ?? '(none)'} not declared (${Object.keys(content)})`);
      return undefined;
    }
    if (!/json$/.test(type) || request.method === 'HEAD') return undefined;
    const key = `${name} ${status} ${type}`;
    let validate = validators.get(key);
    if (!validate) {
      const schema = content[type].schema as Json;
      validate = ajv.compile(schema.$ref ? { $ref: `doc${schema.$ref}` } : schema);
      validators.set(key, validate);
    }
    return { validate, key };
  };

  const checkBody = (check: { validate: ValidateFunction; key: string }, payload: unknown) => {
    const text =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : undefined;
    if (text === undefined) return record(`${check.key}: body is a stream, not JSON`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return record(`${check.key}: body is not JSON: ${text.slice(0, 80)}`);
    }
    if (!check.validate(body)) record(`${check.key}: ${ajvErrors(check.validate)} in ${text.slice(0, 300)}`);
  };

  const sent = new WeakSet<FastifyRequest>();
  fastify.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done) => {
    sent.add(request);
    try {
      const check = checkHead(
        request,
        reply.statusCode,
        reply.getHeader('content-type') as string | undefined,
      );
      if (check) checkBody(check, payload);
    } catch (e) {
      record(`${request.method} ${request.url}: the check failed: ${(e as Error).message}`);
    }
    done(null, payload);
  });
  // Hijacked replies (Server-Sent Events) bypass onSend: their status and content type are checked
  // once the head went out.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.once('finish', () => {
      if (sent.has(request) || !reply.raw.headersSent) return;
      checkHead(request, reply.raw.statusCode, reply.raw.getHeader('content-type') as string | undefined);
    });
    done();
  });
}

function ajvErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`)
    .join('; ');
}
