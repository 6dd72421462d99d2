import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../../shared/http/auth.decorators';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { createdKey, paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';
import { Principal } from '../../../shared/context/principal';
import { ForbiddenError } from '../../../shared/domain/domain-error';
import { ListMyInvitations } from '../application/list-my-invitations.use-case';
import { AcceptInvitation } from '../application/accept-invitation.use-case';
import { DeclineInvitation } from '../application/decline-invitation.use-case';
import { OrganizationDto } from '../../../shared/contracts/organizations.dto';
import { ReceivedInvitationListDto } from './tenancy.dto';

const userOnly = (p: Principal) => {
  if (p.kind !== 'user') throw new ForbiddenError('Only users receive invitations', 'user_required');
  return p.id;
};

/** The signed-in user's own invitations (to their verified address), across organizations. */
@ApiTags('invitations')
@Controller('api/v1/invitations')
export class InvitationsController {
  constructor(
    private readonly listMine: ListMyInvitations,
    private readonly acceptInvitation: AcceptInvitation,
    private readonly declineInvitation: DeclineInvitation,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listMyInvitations',
    summary: 'Pending invitations to my verified email address',
  })
  @ApiProblems(403)
  @ApiOkResponse({ type: ReceivedInvitationListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() q: CursorPageQuery,
  ): Promise<ReceivedInvitationListDto> {
    const page = paginateInMemory(await this.listMine.execute(userOnly(principal)), q, createdKey);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((i) => ({
        id: i.id,
        organization: { id: i.organization.id, name: i.organization.name },
        role: i.role,
        expiresAt: i.expiresAt,
        createdAt: i.createdAt,
      })),
    };
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptInvitation',
    summary: 'Accept: join the organization with the invited role (needs a verified email)',
  })
  @ApiProblems(403, 409)
  @ApiOkResponse({ type: OrganizationDto })
  accept(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<OrganizationDto> {
    return this.acceptInvitation.execute(userOnly(principal), id);
  }

  @Post(':id/decline')
  @HttpCode(204)
  @ApiOperation({ operationId: 'declineInvitation', summary: 'Decline the invitation' })
  @ApiProblems(403)
  @ApiNoContentResponse({ description: 'Declined' })
  async decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.declineInvitation.execute(userOnly(principal), id);
  }
}
