import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { VerificationRuleRepository } from '../domain/verification-rule';

@Injectable()
export class DeleteVerificationRule {
  constructor(private readonly rules: VerificationRuleRepository) {}

  async execute(tenantId: TenantId, outcomeType: string): Promise<void> {
    if (!(await this.rules.delete(tenantId, outcomeType)))
      throw new NotFoundError('Verification rule', outcomeType);
  }
}
