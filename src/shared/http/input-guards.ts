import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FieldViolation, InvalidError } from '../domain/domain-error';

/**
 * Depth of the deepest array or object in a JSON text, stopping as soon as it passes `max`. A single
 * linear scan over the raw text, so a hostile body is refused before JSON.parse, the validator or
 * class-transformer (all recursive) ever see it.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/**
 * The JSON body parser: Fastify's own (prototype-poisoning safe) behind a nesting limit. Keeps the raw
 * bytes on the request, which Stripe signature checks need.
 */
export function useJsonBodyParser(
  app: NestFastifyApplication,
  opts: { bodyLimit: number; maxDepth: number },
) {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: opts.bodyLimit }, (req, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, opts.maxDepth)) {
      done(
        new InvalidError('body_too_deep', `The JSON body is nested deeper than ${opts.maxDepth} levels`),
        undefined,
      );
      return;
    }
    parse(req as never, text, done);
  });
}

/** Strings Postgres cannot store (NUL) or that are not Unicode text (lone UTF-16 surrogates). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ANY_SURROGATE = /[\ud800-\udfff]/;
const unstorable = (s: string): boolean =>
  s.includes('\u0000') || (ANY_SURROGATE.test(s) && LONE_SURROGATE.test(s));

/** Whether anything in the value is unstorable, without building field names (the common, clean case). */
function anyUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return unstorable(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (anyUnstorable(value[i])) return true;
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value))
      if (unstorable(key) || anyUnstorable((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

const MAX_REPORTED = 20;

function collect(value: unknown, field: string, out: FieldViolation[]): void {
  if (out.length >= MAX_REPORTED) return;
  if (typeof value === 'string') {
    if (unstorable(value))
      out.push({ field, message: `${field} contains a NUL character or an unpaired surrogate` });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collect(value[i], `${field}[${i}]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = field ? `${field}.${key}` : key;
      if (unstorable(key))
        out.push({ field: child, message: 'a key contains a NUL character or an unpaired surrogate' });
      else collect((value as Record<string, unknown>)[key], child, out);
    }
  }
}

/** Every field of query, path and body that holds a string the database or the model cannot take. */
export function unstorableFields(
  request: Pick<FastifyRequest, 'body' | 'query' | 'params'>,
): FieldViolation[] {
  // A clean request (nearly all) is scanned once without allocating; field names are built only for a dirty one.
  if (!anyUnstorable(request.params) && !anyUnstorable(request.query) && !anyUnstorable(request.body))
    return [];
  const out: FieldViolation[] = [];
  collect(request.params, 'path', out);
  collect(request.query, 'query', out);
  collect(request.body, '', out);
  return out;
}

/**
 * One check at the edge, before guards, pipes or handlers: a request carrying a NUL byte or an unpaired
 * surrogate anywhere is answered 400 naming the field, so no route can pass one to Postgres or the model.
 */
export function installInputGuards(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const violations = unstorableFields(request);
    if (!violations.length) return done();
    done(
      new InvalidError(
        'invalid_characters',
        `${violations.length} field(s) contain a NUL character or an unpaired surrogate: ${violations
          .map((v) => v.field)
          .join(', ')}`,
        violations,
      ),
    );
  });
}
