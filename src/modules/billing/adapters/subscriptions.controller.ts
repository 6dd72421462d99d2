import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Clock } from '../../../shared/domain/clock.port';
import { BillingForInvoicing } from '../../../shared/contracts/billing-for-invoicing';
import { CancelSubscription } from '../application/cancel-subscription.use-case';
import { ChangePlan } from '../application/change-plan.use-case';
import { ChangeSeats } from '../application/change-seats.use-case';
import { CreateSubscription } from '../application/create-subscription.use-case';
import { Subscription, SubscriptionRepository } from '../domain/subscription';
import {
  CancelSubscriptionDto,
  ChangePlanDto,
  ChangeSeatsDto,
  CreateSubscriptionDto,
  SubscriptionDto,
  SubscriptionListDto,
  SubscriptionQueryDto,
  UpcomingInvoiceDto,
} from './billing.dto';
import { UuidOr404Pipe } from '../../../shared/http/uuid-or-404.pipe';
import { ApiProblems } from '../../../shared/http/openapi.decorators';

const subscriptionView = (s: Subscription): SubscriptionDto => ({
  id: s.id,
  customerId: s.customerId,
  planId: s.planId,
  planVersionId: s.planVersionId,
  status: s.status,
  seats: s.seats,
  timezone: s.timezone,
  startedAt: s.startedAt,
  trialEnd: s.trialEnd,
  currentPeriodStart: s.currentPeriodStart,
  currentPeriodEnd: s.currentPeriodEnd,
  cancelAtPeriodEnd: s.cancelAtPeriodEnd,
  canceledAt: s.canceledAt,
});

const SubscriptionId = new UuidOr404Pipe('Subscription');

@ApiTags('subscriptions')
@Controller('api/v1/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly createSubscription: CreateSubscription,
    private readonly changeSeats: ChangeSeats,
    private readonly changePlan: ChangePlan,
    private readonly cancelSubscription: CancelSubscription,
    private readonly billing: BillingForInvoicing,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Scopes('subscriptions:write')
  @ApiOperation({
    operationId: 'createSubscription',
    summary: 'Subscribe a customer to a plan (periods in the customer’s timezone)',
  })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: SubscriptionDto })
  async create(
    @CurrentTenant() tenantId: TenantId,
    @Body() body: CreateSubscriptionDto,
  ): Promise<SubscriptionDto> {
    const sub = await this.createSubscription.execute(tenantId, body);
    return subscriptionView(sub);
  }

  @Get()
  @Scopes('subscriptions:read')
  @ApiOperation({ operationId: 'listSubscriptions', summary: 'List subscriptions' })
  @ApiOkResponse({ type: SubscriptionListDto })
  async list(
    @CurrentTenant() tenantId: TenantId,
    @Query() q: SubscriptionQueryDto,
  ): Promise<SubscriptionListDto> {
    const page = await this.subscriptions.list(tenantId, {
      customerId: q.customerId,
      limit: q.limit ?? 50,
      cursor: q.cursor,
    });
    return { items: page.items.map(subscriptionView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Scopes('subscriptions:read')
  @ApiOperation({ operationId: 'getSubscription', summary: 'Get a subscription' })
  @ApiOkResponse({ type: SubscriptionDto })
  async get(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', SubscriptionId) id: string,
  ): Promise<SubscriptionDto> {
    const sub = await this.subscriptions.find(tenantId, id);
    if (!sub) throw new NotFoundError('Subscription', id);
    return subscriptionView(sub);
  }

  @Get(':id/upcoming')
  @Scopes('subscriptions:read')
  @ApiOperation({
    operationId: 'getUpcomingInvoice',
    summary: 'Rate the open period so far (what the next invoice would say now)',
  })
  @ApiOkResponse({ type: UpcomingInvoiceDto })
  async upcoming(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', SubscriptionId) id: string,
  ): Promise<UpcomingInvoiceDto> {
    const r = await this.billing.previewCurrentPeriod(tenantId, id, this.clock.now());
    return {
      currency: r.currency,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      lines: r.lines.map((l) => ({
        kind: l.kind,
        description: l.description,
        quantity: l.quantity,
        unitAmount: l.unitAmount,
        amount: l.amount,
      })),
      subtotal: r.subtotal,
      discountTotal: r.discountTotal,
      taxTotal: r.taxTotal,
      totalBeforeCredits: r.totalBeforeCredits,
      creditsAvailable: r.creditsAvailable,
    };
  }

  @Post(':id/seats')
  @HttpCode(200)
  @Scopes('subscriptions:write')
  @ApiOperation({
    operationId: 'changeSeats',
    summary: 'Change the seat count (in-advance seats prorated by day)',
  })
  @ApiProblems(409)
  @ApiOkResponse({ type: SubscriptionDto })
  async seats(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', SubscriptionId) id: string,
    @Body() body: ChangeSeatsDto,
  ): Promise<SubscriptionDto> {
    return subscriptionView(await this.changeSeats.execute(tenantId, id, body.seats));
  }

  @Post(':id/change-plan')
  @HttpCode(200)
  @Scopes('subscriptions:write')
  @ApiOperation({
    operationId: 'changePlan',
    summary: 'Move to another plan (or the latest version of the same plan), prorated by day',
  })
  @ApiProblems(409)
  @ApiOkResponse({ type: SubscriptionDto })
  async changePlanRoute(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', SubscriptionId) id: string,
    @Body() body: ChangePlanDto,
  ): Promise<SubscriptionDto> {
    return subscriptionView(await this.changePlan.execute(tenantId, id, body));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Scopes('subscriptions:write')
  @ApiOperation({ operationId: 'cancelSubscription', summary: 'Cancel at period end or now' })
  @ApiProblems(409)
  @ApiOkResponse({ type: SubscriptionDto })
  async cancel(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', SubscriptionId) id: string,
    @Body() body: CancelSubscriptionDto,
  ): Promise<SubscriptionDto> {
    return subscriptionView(await this.cancelSubscription.execute(tenantId, id, body.when));
  }
}
