import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Clock } from '../../../shared/domain/clock.port';
import { CreateCustomer } from '../application/create-customer.use-case';
import { DeleteCustomer } from '../application/delete-customer.use-case';
import { UpdateCustomer } from '../application/update-customer.use-case';
import { GrantCredits } from '../application/grant-credits.use-case';
import { RedeemCoupon } from '../application/redeem-coupon.use-case';
import { CreateCheckoutSession } from '../application/create-checkout-session.use-case';
import { SyncPaymentCustomer } from '../application/sync-payment-customer.use-case';
import { Customer, CustomerRepository } from '../domain/customer';
import { CreditRepository } from '../domain/credit.repository.port';
import {
  CheckoutDto,
  CheckoutSessionDto,
  CreateCustomerDto,
  CreditBalanceDto,
  CustomerDto,
  CustomerListDto,
  GrantCreditsDto,
  GrantResultDto,
  RedeemCouponDto,
  RedemptionDto,
  UpdateCustomerDto,
} from './billing.dto';
import { UuidOr404Pipe } from '../../../shared/http/uuid-or-404.pipe';
import { ApiProblems } from '../../../shared/http/openapi.decorators';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

export const customerView = (c: Customer): CustomerDto => ({
  id: c.id,
  externalId: c.externalId,
  name: c.name,
  email: c.email,
  currency: c.currency,
  timezone: c.timezone,
  taxRate: c.taxRate,
  stripeCustomerId: c.stripeCustomerId,
  billingAddress: c.billingAddress,
  spendCap: c.spendCap,
  prepaidOnly: c.prepaidOnly,
  createdAt: c.createdAt,
});

const CustomerId = new UuidOr404Pipe('Customer');

@ApiTags('customers')
@Controller('api/v1/customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly credits: CreditRepository,
    private readonly createCustomer: CreateCustomer,
    private readonly updateCustomer: UpdateCustomer,
    private readonly deleteCustomer: DeleteCustomer,
    private readonly grantCredits: GrantCredits,
    private readonly redeemCoupon: RedeemCoupon,
    private readonly syncPaymentCustomer: SyncPaymentCustomer,
    private readonly createCheckout: CreateCheckoutSession,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Scopes('customers:write')
  @ApiOperation({ operationId: 'createCustomer', summary: 'Create a customer (who the tenant bills)' })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: CustomerDto })
  async create(@CurrentTenant() tenantId: TenantId, @Body() body: CreateCustomerDto): Promise<CustomerDto> {
    return customerView(await this.createCustomer.execute(tenantId, body));
  }

  @Get()
  @Scopes('customers:read')
  @ApiOperation({ operationId: 'listCustomers', summary: 'List customers' })
  @ApiOkResponse({ type: CustomerListDto })
  async list(@CurrentTenant() tenantId: TenantId, @Query() q: CursorPageQuery): Promise<CustomerListDto> {
    const page = await this.customers.list(tenantId, { limit: q.limit ?? 50, cursor: q.cursor });
    return { items: page.items.map(customerView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Scopes('customers:read')
  @ApiOperation({ operationId: 'getCustomer', summary: 'Get a customer' })
  @ApiOkResponse({ type: CustomerDto })
  async get(@CurrentTenant() tenantId: TenantId, @Param('id', CustomerId) id: string): Promise<CustomerDto> {
    const c = await this.customers.find(tenantId, id);
    if (!c) throw new NotFoundError('Customer', id);
    return customerView(c);
  }

  @Patch(':id')
  @Scopes('customers:write')
  @ApiOperation({ operationId: 'updateCustomer', summary: 'Update a customer' })
  @ApiProblems(409)
  @ApiOkResponse({ type: CustomerDto })
  async update(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', CustomerId) id: string,
    @Body() body: UpdateCustomerDto,
  ): Promise<CustomerDto> {
    return customerView(await this.updateCustomer.execute(tenantId, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('customers:write')
  @ApiOperation({ operationId: 'deleteCustomer', summary: 'Delete a customer without live subscriptions' })
  @ApiProblems(409)
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentTenant() tenantId: TenantId, @Param('id', CustomerId) id: string): Promise<void> {
    await this.deleteCustomer.execute(tenantId, id);
  }

  @Get(':id/credits')
  @Scopes('credits:read')
  @ApiOperation({
    operationId: 'getCreditBalance',
    summary: 'Credit balance (derived from the ledger) and the latest ledger entries',
  })
  @ApiOkResponse({ type: CreditBalanceDto })
  async creditBalance(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', CustomerId) id: string,
  ): Promise<CreditBalanceDto> {
    const c = await this.customers.find(tenantId, id);
    if (!c) throw new NotFoundError('Customer', id);
    const [balance, ledger] = await Promise.all([
      this.credits.balance(tenantId, id, this.clock.now()),
      this.credits.ledger(tenantId, id, 100),
    ]);
    return {
      customerId: id,
      currency: c.currency,
      balance,
      ledger: ledger.map((e) => ({
        id: e.id,
        kind: e.kind,
        amount: e.amount,
        expiresAt: e.expiresAt,
        reference: e.reference,
        description: e.description,
        createdAt: e.createdAt,
      })),
    };
  }

  @Post(':id/credits/grants')
  @Scopes('credits:write')
  @ApiOperation({
    operationId: 'grantCredits',
    summary: 'Grant credits (paid top-up or free grant, optional expiry); idempotent per reference',
  })
  @ApiCreatedResponse({ type: GrantResultDto })
  async grant(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', CustomerId) id: string,
    @Body() body: GrantCreditsDto,
  ): Promise<GrantResultDto> {
    const { created } = await this.grantCredits.execute(tenantId, id, {
      amount: body.amount,
      paid: body.paid,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      reference: body.reference ?? null,
      description: body.description,
    });
    return { created, balance: await this.credits.balance(tenantId, id, this.clock.now()) };
  }

  @Post(':id/coupons')
  @Scopes('customers:write')
  @ApiOperation({ operationId: 'redeemCoupon', summary: 'Apply a coupon to the customer’s coming invoices' })
  @ApiProblems(409)
  @ApiCreatedResponse({ type: RedemptionDto })
  async redeem(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', CustomerId) id: string,
    @Body() body: RedeemCouponDto,
  ): Promise<RedemptionDto> {
    const { redemption } = await this.redeemCoupon.execute(tenantId, id, body.code);
    return {
      id: redemption.id,
      code: redemption.coupon.code,
      periodsRemaining: redemption.periodsRemaining,
      status: redemption.status,
    };
  }

  @Put(':id/payment-customer')
  @Scopes('customers:write')
  @ApiOperation({
    operationId: 'syncPaymentCustomer',
    summary: 'Create or update the customer at Stripe and link it',
  })
  @ApiProblems(409, 502, 504)
  @ApiOkResponse({ type: CustomerDto })
  async syncPayment(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', CustomerId) id: string,
  ): Promise<CustomerDto> {
    return customerView(await this.syncPaymentCustomer.execute(tenantId, id));
  }

  @Post(':id/checkout-sessions')
  @Scopes('credits:write')
  @ApiOperation({
    operationId: 'createCheckoutSession',
    summary: 'Stripe Checkout Session: credit top-up or saving a payment method for subscriptions',
  })
  @ApiProblems(409, 502, 504)
  @ApiCreatedResponse({ type: CheckoutSessionDto })
  async checkout(
    @CurrentTenant() tenantId: TenantId,
    @Param('id', CustomerId) id: string,
    @Body() body: CheckoutDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CheckoutSessionDto> {
    return this.createCheckout.execute(tenantId, id, {
      purpose: body.purpose,
      amount: body.amount,
      subscriptionId: body.subscriptionId,
      requestId: idempotencyKey?.slice(0, 200) || randomUUID(),
    });
  }
}
