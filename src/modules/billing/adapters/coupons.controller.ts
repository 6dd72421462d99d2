import { Body, Controller, Delete, Get, HttpCode, Param, Put, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { Principal } from '../../../shared/context/principal';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { CreateCoupon } from '../application/create-coupon.use-case';
import { RemoveApiKeySpendCap } from '../application/remove-api-key-spend-cap.use-case';
import { SetApiKeySpendCap } from '../application/set-api-key-spend-cap.use-case';
import { ApiKeySpendCapRepository } from '../domain/api-key-spend-cap';
import { Coupon, CouponRepository } from '../domain/coupon';
import { CouponDto, CouponListDto, CreateCouponDto, SpendCapDto, SpendCapViewDto } from './billing.dto';
import { UuidOr404Pipe } from '../../../shared/http/uuid-or-404.pipe';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

const couponView = (c: Coupon): CouponDto => ({
  id: c.id,
  code: c.code,
  name: c.name,
  kind: c.kind,
  percentOff: c.percentOff,
  amountOff: c.amountOff,
  currency: c.currency,
  duration: c.duration,
  durationPeriods: c.durationPeriods,
  expiresAt: c.expiresAt,
  maxRedemptions: c.maxRedemptions,
  redemptions: c.redemptions,
});

@ApiTags('plans')
@Controller('api/v1/coupons')
export class CouponsController {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly createCoupon: CreateCoupon,
  ) {}

  @Post()
  @Scopes('plans:write')
  @ApiOperation({
    operationId: 'createCoupon',
    summary: 'Create a coupon (percentage or fixed; once, N periods or forever)',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: CouponDto })
  async create(@CurrentTenant() tenantId: TenantId, @Body() body: CreateCouponDto): Promise<CouponDto> {
    return couponView(
      await this.createCoupon.execute(tenantId, {
        ...body,
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
      }),
    );
  }

  @Get()
  @Scopes('plans:read')
  @ApiOperation({ operationId: 'listCoupons', summary: 'List coupons' })
  @ApiOkResponse({ type: CouponListDto })
  async list(@CurrentTenant() tenantId: TenantId, @Query() q: CursorPageQuery): Promise<CouponListDto> {
    const page = paginateInMemory(await this.coupons.list(tenantId), q, (c) => c.code);
    return { items: page.items.map(couponView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Scopes('plans:read')
  @ApiOperation({ operationId: 'getCoupon', summary: 'Get a coupon' })
  @ApiOkResponse({ type: CouponDto })
  async get(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', new UuidOr404Pipe('Coupon')) id: string,
  ): Promise<CouponDto> {
    const c = await this.coupons.find(tenantId, id);
    if (!c) throw new NotFoundError('Coupon', id);
    return couponView(c);
  }
}

const ApiKeyId = new UuidOr404Pipe('API key');

/** Hard spend caps per API key and calendar month (UTC), enforced by the chat gateway. */
@ApiTags('usage')
@Controller('api/v1/spend-caps/api-keys')
export class SpendCapsController {
  constructor(
    private readonly caps: ApiKeySpendCapRepository,
    private readonly setCap: SetApiKeySpendCap,
    private readonly removeCap: RemoveApiKeySpendCap,
  ) {}

  @Put(':apiKeyId')
  @Scopes('api_keys:manage')
  @ApiOperation({ operationId: 'setApiKeySpendCap', summary: 'Set the monthly hard spend cap of an API key' })
  @ApiOkResponse({ type: SpendCapViewDto })
  async put(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() actor: Principal,
    @Param('apiKeyId', ApiKeyId) apiKeyId: string,
    @Body() body: SpendCapDto,
  ): Promise<SpendCapViewDto> {
    return this.setCap.execute(tenantId, actor, { apiKeyId, amount: body.amount, currency: body.currency });
  }

  @Get(':apiKeyId')
  @Scopes('api_keys:read')
  @ApiOperation({ operationId: 'getApiKeySpendCap', summary: 'Get the spend cap of an API key' })
  @ApiOkResponse({ type: SpendCapViewDto })
  async getCap(
    @CurrentTenant() tenantId: TenantId,
    @Param('apiKeyId', ApiKeyId) apiKeyId: string,
  ): Promise<SpendCapViewDto> {
    const cap = await this.caps.find(tenantId, apiKeyId);
    if (!cap) throw new NotFoundError('Spend cap', apiKeyId);
    return cap;
  }

  @Delete(':apiKeyId')
  @HttpCode(204)
  @Scopes('api_keys:manage')
  @ApiOperation({ operationId: 'removeApiKeySpendCap', summary: 'Remove the spend cap of an API key' })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentTenant() tenantId: TenantId,
    @CurrentPrincipal() actor: Principal,
    @Param('apiKeyId', ApiKeyId) apiKeyId: string,
  ): Promise<void> {
    await this.removeCap.execute(tenantId, actor, apiKeyId);
  }
}
