import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentPrincipal,
  CurrentTenant,
  Scopes,
  TenantFromParam,
} from '../../../shared/http/auth.decorators';
import { Principal } from '../../../shared/context/principal';
import { ForbiddenError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreateOrganization } from '../application/create-organization.use-case';
import { GetOrganization } from '../application/get-organization.use-case';
import { ListMyOrganizations } from '../application/list-my-organizations.use-case';
import { UpdateOrganization } from '../application/update-organization.use-case';
import { ChangeMemberRole } from '../application/change-member-role.use-case';
import { ListMembers } from '../application/list-members.use-case';
import { RemoveMember } from '../application/remove-member.use-case';
import { InviteMember } from '../application/invite-member.use-case';
import { ListInvitations } from '../application/list-invitations.use-case';
import { RevokeInvitation } from '../application/revoke-invitation.use-case';
import { LeaveOrganization } from '../application/leave-organization.use-case';
import { Invitation } from '../domain/invitation.repository.port';
import {
  AddMemberDto,
  AddMemberResultDto,
  ChangeRoleDto,
  CreateOrganizationDto,
  InvitationDto,
  InvitationListDto,
  MemberDto,
  MemberListDto,
  OrganizationListDto,
  UpdateOrganizationDto,
} from './tenancy.dto';
import { OrganizationDto } from '../../../shared/contracts/organizations.dto';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { createdKey, paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

/** Exactly the declared fields: the stored invitation also holds its tenant and inviter. */
export const toInvitationDto = (i: Invitation): InvitationDto => ({
  id: i.id,
  email: i.email,
  role: i.role,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
});

const userOnly = (p: Principal) => {
  if (p.kind !== 'user') throw new ForbiddenError('Only users belong to organizations', 'user_required');
  return p.id;
};

@ApiTags('organizations')
@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly createOrganization: CreateOrganization,
    private readonly listMine: ListMyOrganizations,
    private readonly getOrganization: GetOrganization,
    private readonly updateOrganization: UpdateOrganization,
    private readonly inviteMember: InviteMember,
    private readonly listMembers: ListMembers,
    private readonly changeRole: ChangeMemberRole,
    private readonly removeMember: RemoveMember,
    private readonly listInvitations: ListInvitations,
    private readonly revokeInvitation: RevokeInvitation,
    private readonly leaveOrganization: LeaveOrganization,
  ) {}

  @Post()
  @ApiOperation({
    operationId: 'createOrganization',
    summary: 'Create an organization; the caller becomes its owner',
  })
  @ApiProblems(403)
  @ApiCreatedResponse({ type: OrganizationDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateOrganizationDto,
  ): Promise<OrganizationDto> {
    const org = await this.createOrganization.execute(userOnly(principal), body.name);
    return { ...org, role: 'owner' };
  }

  @Get()
  @ApiOperation({
    operationId: 'listOrganizations',
    summary: "List the caller's organizations with the caller's role in each",
  })
  @ApiOkResponse({ type: OrganizationListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: CursorPageQuery,
  ): Promise<OrganizationListDto> {
    const all =
      principal.kind === 'user'
        ? await this.listMine.execute(principal.id)
        : principal.tenantId
          ? [await this.getOrganization.execute(principal.tenantId)]
          : [];
    return paginateInMemory(all, q, createdKey);
  }

  @Get(':id')
  @TenantFromParam('id')
  @Scopes('org:read')
  @ApiOperation({ operationId: 'getOrganization', summary: 'Get an organization' })
  @ApiOkResponse({ type: OrganizationDto })
  async get(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrganizationDto> {
    return { ...(await this.getOrganization.execute(tenantId)), role: principal.role };
  }

  @Patch(':id')
  @TenantFromParam('id')
  @Scopes('org:manage')
  @ApiOperation({ operationId: 'updateOrganization', summary: 'Update an organization' })
  @ApiOkResponse({ type: OrganizationDto })
  update(@CurrentTenant() tenantId: TenantId, @Body() body: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.updateOrganization.execute(tenantId, body);
  }

  @Get(':id/members')
  @TenantFromParam('id')
  @Scopes('members:read')
  @ApiOperation({ operationId: 'listMembers', summary: 'List members (invitations: listInvitations)' })
  @ApiOkResponse({ type: MemberListDto })
  async members(@CurrentTenant() tenantId: TenantId, @Query() q: CursorPageQuery): Promise<MemberListDto> {
    const { members } = await this.listMembers.execute(tenantId);
    return paginateInMemory(members, q, (m) => `${m.joinedAt.toISOString()}|${m.userId}`);
  }

  @Post(':id/members')
  @TenantFromParam('id')
  @Scopes('members:manage')
  @ApiOperation({
    operationId: 'addMember',
    summary:
      'Invite an address (with or without an account); it becomes a member only when the invitee accepts',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: AddMemberResultDto })
  async add(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
    @Body() body: AddMemberDto,
  ): Promise<AddMemberResultDto> {
    const result = await this.inviteMember.execute(tenantId, principal, body);
    return { status: result.status, invitation: toInvitationDto(result.invitation) };
  }

  @Get(':id/invitations')
  @TenantFromParam('id')
  @Scopes('members:read')
  @ApiOperation({
    operationId: 'listInvitations',
    summary: "The organization's pending, unexpired invitations",
  })
  @ApiOkResponse({ type: InvitationListDto })
  async invitations(
    @CurrentTenant() tenantId: TenantId,
    @Query() q: CursorPageQuery,
  ): Promise<InvitationListDto> {
    const page = paginateInMemory(await this.listInvitations.execute(tenantId), q, createdKey);
    return { items: page.items.map(toInvitationDto), nextCursor: page.nextCursor };
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  @TenantFromParam('id')
  @Scopes('members:manage')
  @ApiOperation({
    operationId: 'revokeInvitation',
    summary: 'Revoke a pending invitation (only owners revoke owner invitations)',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
    @Param('invitationId', new ParseUUIDPipe()) invitationId: string,
  ): Promise<void> {
    await this.revokeInvitation.execute(tenantId, principal, invitationId);
  }

  @Post(':id/leave')
  @HttpCode(204)
  @TenantFromParam('id')
  @ApiOperation({
    operationId: 'leaveOrganization',
    summary: 'Leave the organization (the last owner cannot)',
  })
  @ApiProblems(409)
  @ApiNoContentResponse({ description: 'Left' })
  async leave(@CurrentTenant() tenantId: TenantId, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.leaveOrganization.execute(tenantId, userOnly(principal));
  }

  @Patch(':id/members/:userId')
  @TenantFromParam('id')
  @Scopes('members:manage')
  @ApiOperation({
    operationId: 'changeMemberRole',
    summary: "Change a member's role (the last owner cannot be demoted)",
  })
  @ApiProblems(409)
  @ApiOkResponse({ type: MemberDto })
  setRole(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<MemberDto> {
    return this.changeRole.execute(tenantId, principal, userId, body.role);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @TenantFromParam('id')
  @Scopes('members:manage')
  @ApiOperation({
    operationId: 'removeMember',
    summary: 'Remove a member (the last owner cannot be removed)',
  })
  @ApiProblems(409)
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() principal: Principal,
    @Param('userId', new ParseUUIDPipe()) userId: string,
  ): Promise<void> {
    await this.removeMember.execute(tenantId, principal, userId);
  }
}
