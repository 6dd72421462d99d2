import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../domain/domain-error';
import { isUuid } from '../domain/ids';

/** Route ids that are not UUIDs cannot name anything: 404, like an unknown id or a foreign tenant's id. */
export function uuidOr404(what: string, value: string): string {
  if (!isUuid(value)) throw new NotFoundError(what, value);
  return value;
}

/** `@Param('id', new UuidOr404Pipe('Customer'))`: uuidOr404 as a pipe. */
@Injectable()
export class UuidOr404Pipe implements PipeTransform<string, string> {
  constructor(private readonly what = 'Resource') {}
  transform(value: string): string {
    return uuidOr404(this.what, value);
  }
}
