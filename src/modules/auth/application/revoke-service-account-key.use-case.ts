import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { ServiceAccountKeyRepository } from '../domain/http-signature';

/** Signatures by a revoked key fail from now on; a key of another service account is not found. */
@Injectable()
export class RevokeServiceAccountKey {
  constructor(
    private readonly keys: ServiceAccountKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(serviceAccount: string, keyId: string): Promise<void> {
    if (!(await this.keys.revoke(serviceAccount, keyId, this.clock.now())))
      throw new NotFoundError('Signing key', keyId);
  }
}
