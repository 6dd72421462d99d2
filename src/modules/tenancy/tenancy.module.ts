import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationRepository } from './domain/organization.repository.port';
import { MembershipRepository } from './domain/membership.repository.port';
import { AuditLogRepository } from './domain/audit-log.repository.port';
import { InvalidationBus } from '../../shared/contracts/invalidation-bus';
import { AuditTrail } from '../../shared/contracts/audit-trail';
import { RequestContextAuditTrail } from './application/audit-trail';
import { MembershipDirectory } from '../../shared/contracts/memberships';
import { CachedMembershipDirectory } from './application/membership-directory';
import { CreateOrganization } from './application/create-organization.use-case';
import { GetOrganization } from './application/get-organization.use-case';
import { OrganizationDirectory } from '../../shared/contracts/organizations';
import { UseCaseOrganizationDirectory } from './application/organization-directory';
import { ListMyOrganizations } from './application/list-my-organizations.use-case';
import { UpdateOrganization } from './application/update-organization.use-case';
import { ChangeMemberRole } from './application/change-member-role.use-case';
import { ListMembers } from './application/list-members.use-case';
import { RemoveMember } from './application/remove-member.use-case';
import { InviteMember } from './application/invite-member.use-case';
import { Invitee } from './application/invitee';
import { ListMyInvitations } from './application/list-my-invitations.use-case';
import { AcceptInvitation } from './application/accept-invitation.use-case';
import { DeclineInvitation } from './application/decline-invitation.use-case';
import { ListInvitations } from './application/list-invitations.use-case';
import { RevokeInvitation } from './application/revoke-invitation.use-case';
import { LeaveOrganization } from './application/leave-organization.use-case';
import { InvitationRepository } from './domain/invitation.repository.port';
import { TypeOrmInvitationRepository } from './adapters/typeorm-invitation.repository';
import { InvitationsController } from './adapters/invitations.controller';
import { ListAuditLogs } from './application/list-audit-logs.use-case';
import { AuditLogRow, InvitationRow, MembershipRow, OrganizationRow } from './adapters/tenancy.orm-entities';
import {
  TypeOrmAuditLogRepository,
  TypeOrmMembershipRepository,
  TypeOrmOrganizationRepository,
} from './adapters/typeorm-tenancy.repositories';
import { RedisInvalidationBus } from './adapters/redis-invalidation-bus';
import { OrganizationsController } from './adapters/organizations.controller';
import { AuditLogsController } from './adapters/audit-logs.controller';
import { WebhooksModule } from '../webhooks/webhooks.module';

/** Organizations (tenants), memberships and roles, and the audit log. See docs/modules/tenancy.md. */
@Module({
  imports: [
    WebhooksModule,
    TypeOrmModule.forFeature([OrganizationRow, MembershipRow, InvitationRow, AuditLogRow]),
  ],
  controllers: [OrganizationsController, InvitationsController, AuditLogsController],
  providers: [
    { provide: OrganizationRepository, useClass: TypeOrmOrganizationRepository },
    { provide: MembershipRepository, useClass: TypeOrmMembershipRepository },
    { provide: AuditLogRepository, useClass: TypeOrmAuditLogRepository },
    { provide: InvitationRepository, useClass: TypeOrmInvitationRepository },
    { provide: InvalidationBus, useClass: RedisInvalidationBus },
    { provide: AuditTrail, useClass: RequestContextAuditTrail },
    { provide: MembershipDirectory, useClass: CachedMembershipDirectory },
    { provide: OrganizationDirectory, useClass: UseCaseOrganizationDirectory },
    CreateOrganization,
    ListMyOrganizations,
    GetOrganization,
    UpdateOrganization,
    InviteMember,
    ListMembers,
    ChangeMemberRole,
    RemoveMember,
    Invitee,
    ListMyInvitations,
    AcceptInvitation,
    DeclineInvitation,
    ListInvitations,
    RevokeInvitation,
    LeaveOrganization,
    ListAuditLogs,
  ],
  exports: [AuditTrail, MembershipDirectory, MembershipRepository, OrganizationDirectory, InvalidationBus],
})
export class TenancyModule {}
