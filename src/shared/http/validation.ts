import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Whitelist, reject unknown fields, transform to DTO classes; every bad field is listed in `errors`. */
export const createValidationPipe = () =>
  new ValidationPipe({
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
