import { Injectable } from '@nestjs/common';
import { InvalidError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { OutboundGuard } from '../../../shared/net/outbound-guard';
import { VerificationRule, VerificationRuleRepository } from '../domain/verification-rule';

export type VerificationRuleInput = Omit<VerificationRule, 'id' | 'tenantId' | 'outcomeType'>;

@Injectable()
export class SetVerificationRule {
  constructor(
    private readonly rules: VerificationRuleRepository,
    private readonly guard: OutboundGuard,
  ) {}

  async execute(
    tenantId: TenantId,
    outcomeType: string,
    input: VerificationRuleInput,
  ): Promise<VerificationRule> {
    // Checked on save (here) and again on every call (the verifier sends through the same guard).
    const refused = input.webhookUrl ? await this.guard.check(input.webhookUrl) : null;
    if (refused)
      throw new InvalidError('webhook_url_refused', refused, [{ field: 'webhookUrl', message: refused }]);
    return this.rules.upsert({ id: newId(), tenantId, outcomeType, ...input });
  }
}
