import { Injectable, PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { isUuid } from '../../../shared/domain/ids';

/** Route ids that are not UUIDs cannot name anything: 404, like a foreign tenant's id. */
@Injectable()
export class UuidOr404Pipe implements PipeTransform<string, string> {
  constructor(private readonly what = 'Resource') {}
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundError(this.what, value);
    return value;
  }
}
