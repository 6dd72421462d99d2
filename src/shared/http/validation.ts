import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldViolation, InvalidError } from '../domain/domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Largest magnitude a query number may have: Postgres' integer, so LIMIT, OFFSET and filters never overflow. */
export const MAX_QUERY_NUMBER = 2_147_483_647;

/**
 * Query strings become numbers through @Type(() => Number), where "1e20" is a valid integer. Every
 * query DTO is bounded here, once, instead of a @Max on each field.
 */
class BoundedQueryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result = await super.transform(value, metadata);
    if (metadata.type !== 'query' || result === null || typeof result !== 'object') return result;
    const violations = Object.entries(result)
      .filter(([, v]) => typeof v === 'number' && !(Math.abs(v) <= MAX_QUERY_NUMBER))
      .map(([field]) => ({
        field,
        message: `${field} must be between -${MAX_QUERY_NUMBER} and ${MAX_QUERY_NUMBER}`,
      }));
    if (violations.length)
      throw new InvalidError(
        'validation_failed',
        `${violations.length} field(s) are invalid: ${violations.map((v) => v.field).join(', ')}`,
        violations,
      );
    return result;
  }
}

/** Whitelist, reject unknown fields, transform to DTO classes; every bad field is listed in `errors`. */
export const createValidationPipe = () =>
  new BoundedQueryValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const violations = flatten(errors);
      return new InvalidError(
        'validation_failed',
        `${violations.length} field(s) are invalid: ${violations.map((v) => v.field).join(', ')}`,
        violations,
      );
    },
  });
