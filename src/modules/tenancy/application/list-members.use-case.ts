import { Injectable } from '@nestjs/common';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Member, MembershipRepository } from '../domain/membership.repository.port';

@Injectable()
export class ListMembers {
  constructor(private readonly memberships: MembershipRepository) {}

  /** Members only: pending invitations have their own list (ListInvitations). */
  async execute(tenantId: TenantId): Promise<{ members: Member[] }> {
    return { members: await this.memberships.list(tenantId) };
  }
}
