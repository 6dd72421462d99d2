import { PipeTransform } from '@nestjs/common';
import Ajv, { ErrorObject, JSONSchemaType } from 'ajv';
import { FieldViolation, InvalidError } from '../domain/domain-error';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });

/** `/messages/0/role` -> `messages[0].role`, the field names class-validator's violations use. */
function fieldOf(path: string): string {
  return path
    .split('/')
    .slice(1)
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function violationOf(e: ErrorObject): FieldViolation {
  const at = fieldOf(e.instancePath);
  const child = (name: string) => (at ? `${at}.${name}` : name);
  if (e.keyword === 'additionalProperties') {
    const name = (e.params as { additionalProperty: string }).additionalProperty;
    return { field: child(name), message: `property ${name} should not exist` };
  }
  if (e.keyword === 'required') {
    const name = (e.params as { missingProperty: string }).missingProperty;
    return { field: child(name), message: `${name} is required` };
  }
  return { field: at || '(body)', message: `${at || 'the body'} ${e.message ?? 'is invalid'}` };
}

/**
 * Validates a body against a JSON schema compiled once (ajv), for hot routes where class-validator and
 * class-transformer cost more than the route's own work. Bad input is the same `validation_failed`
 * problem, every bad field listed, as the global ValidationPipe reports. The body stays a plain object:
 * type the parameter with an interface, so the global pipe (which skips `Object`) leaves it alone.
 */
export class JsonSchemaPipe<T> implements PipeTransform<unknown, T> {
  private readonly validate;

  constructor(schema: JSONSchemaType<T> | Record<string, unknown>) {
    this.validate = ajv.compile<T>(schema);
  }

  transform(value: unknown): T {
    if (this.validate(value)) return value;
    const violations = (this.validate.errors ?? []).map(violationOf);
    throw new InvalidError(
      'validation_failed',
      `${violations.length} field(s) are invalid: ${violations.map((v) => v.field).join(', ')}`,
      violations,
    );
  }
}
