import { Injectable } from '@nestjs/common';
import { AgentDirectory } from '../../../shared/contracts/agents';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CustomerRepository } from '../domain/customer';

export interface CustomerRef {
  customerId?: string;
  externalCustomerId?: string;
}

/** 404 for agents or customers that do not exist in this tenant. */
@Injectable()
export class AgentRecordGuards {
  constructor(
    private readonly agents: AgentDirectory,
    private readonly customers: CustomerRepository,
  ) {}

  async agent(tenantId: TenantId, agentId: string): Promise<void> {
    if (!(await this.agents.find(tenantId, agentId))) throw new NotFoundError('Agent', agentId);
  }

  async customerId(tenantId: TenantId, ref: CustomerRef): Promise<string | null> {
    if (!ref.customerId && !ref.externalCustomerId) return null;
    const c = await this.customers.findByRef(tenantId, {
      id: ref.customerId,
      externalId: ref.externalCustomerId,
    });
    if (!c) throw new NotFoundError('Customer', ref.customerId ?? ref.externalCustomerId);
    return c.id;
  }
}
