import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { isUuid } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import {
  ConfigureReferralProgram,
  DEFAULT_PROGRAM,
} from '../application/configure-referral-program.use-case';
import { CreateReferralCode } from '../application/create-referral-code.use-case';
import { ListReferrals } from '../application/list-referrals.use-case';
import { RegisterReferee } from '../application/register-referee.use-case';
import { ReferralRepository } from '../domain/referral';
import {
  CreateReferralCodeDto,
  CreateReferralDto,
  ListReferralsQueryDto,
  ReferralCodeDto,
  ReferralCodeListDto,
  ReferralDto,
  ReferralListDto,
  ReferralProgramDto,
  UpdateReferralProgramDto,
} from './referrals.dto';
import { createdKey, paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';
import { ApiProblems } from '../../../shared/http/openapi.decorators';

const customerId = (id: string) => {
  if (!isUuid(id)) throw new NotFoundError('Customer', id);
  return id;
};

const codeView = (c: { code: string; customerId: string; createdAt: Date }): ReferralCodeDto => ({
  code: c.code,
  customerId: c.customerId,
  createdAt: c.createdAt,
});

@ApiTags('referrals')
@Controller('api/v1')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly configure: ConfigureReferralProgram,
    private readonly createCode: CreateReferralCode,
    private readonly registerReferee: RegisterReferee,
    private readonly listReferrals: ListReferrals,
  ) {}

  @Get('referral-program')
  @Scopes('customers:read')
  @ApiOperation({
    operationId: 'getReferralProgram',
    summary: "The organization's referral program (disabled until configured)",
  })
  @ApiOkResponse({ type: ReferralProgramDto })
  async program(@CurrentTenant() tenantId: TenantId): Promise<ReferralProgramDto> {
    return (await this.referrals.program(tenantId)) ?? DEFAULT_PROGRAM;
  }

  @Put('referral-program')
  @Scopes('customers:write')
  @ApiOperation({
    operationId: 'setReferralProgram',
    summary: 'Configure the referral program: rewards for each side and when they are granted',
  })
  @ApiOkResponse({ type: ReferralProgramDto })
  update(
    @CurrentTenant() tenantId: TenantId,
    @Body() body: UpdateReferralProgramDto,
  ): Promise<ReferralProgramDto> {
    return this.configure.execute(tenantId, body);
  }

  @Post('customers/:id/referral-codes')
  @Scopes('customers:write')
  @ApiOperation({ operationId: 'createReferralCode', summary: 'Create a referral code owned by a customer' })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: ReferralCodeDto })
  async createReferralCode(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Body() body: CreateReferralCodeDto,
  ): Promise<ReferralCodeDto> {
    return codeView(await this.createCode.execute(tenantId, customerId(id), body.code));
  }

  @Get('customers/:id/referral-codes')
  @Scopes('customers:read')
  @ApiOperation({ operationId: 'listReferralCodes', summary: "A customer's referral codes" })
  @ApiOkResponse({ type: ReferralCodeListDto })
  async codes(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Query() q: CursorPageQuery,
  ): Promise<ReferralCodeListDto> {
    if (!(await this.referrals.party(tenantId, customerId(id)))) throw new NotFoundError('Customer', id);
    const page = paginateInMemory(await this.referrals.codes(tenantId, id), q, createdKey);
    return { items: page.items.map(codeView), nextCursor: page.nextCursor };
  }

  @Get('customers/:id/referrals')
  @Scopes('customers:read')
  @ApiOperation({
    operationId: 'listCustomerReferrals',
    summary: 'The customers this customer referred, with counts and credits earned',
  })
  @ApiOkResponse({ type: ReferralListDto })
  byReferrer(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Query() q: ListReferralsQueryDto,
  ): Promise<ReferralListDto> {
    return this.listReferrals.execute(tenantId, { ...q, referrerCustomerId: customerId(id) });
  }

  @Post('referrals')
  @Scopes('customers:write')
  @ApiOperation({
    operationId: 'createReferral',
    summary: 'Refer an existing customer with a code (customers can also be created with referralCode)',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: ReferralDto })
  refer(@CurrentTenant() tenantId: TenantId, @Body() body: CreateReferralDto): Promise<ReferralDto> {
    return this.registerReferee.execute(tenantId, body.customerId, body.code);
  }

  @Get('referrals')
  @Scopes('customers:read')
  @ApiOperation({
    operationId: 'listReferrals',
    summary: 'Referrals of the organization, newest first, with counts and credits granted',
  })
  @ApiOkResponse({ type: ReferralListDto })
  list(@CurrentTenant() tenantId: TenantId, @Query() q: ListReferralsQueryDto): Promise<ReferralListDto> {
    return this.listReferrals.execute(tenantId, q);
  }
}
