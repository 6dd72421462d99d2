import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentTenant, Scopes } from '../../../shared/http/auth.decorators';
import { TenantId } from '../../../shared/domain/tenant-id';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { WebhookDeliveryRepository, WebhookEndpointRepository } from '../domain/webhook.repository.port';
import { CreateWebhookEndpoint } from '../application/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpoint } from '../application/delete-webhook-endpoint.use-case';
import { UpdateWebhookEndpoint } from '../application/update-webhook-endpoint.use-case';
import { uuidOr404 } from '../../../shared/http/uuid-or-404.pipe';
import { RedeliverWebhook } from '../application/redeliver-webhook.use-case';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
} from './webhooks.dto';
import { createdKey, paginateInMemory } from '../../../shared/http/cursor';
import { CursorPageQuery } from '../../../shared/http/pagination.dto';

@ApiTags('webhooks')
@Controller('api/v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly createEndpoint: CreateWebhookEndpoint,
    private readonly updateEndpoint: UpdateWebhookEndpoint,
    private readonly deleteEndpoint: DeleteWebhookEndpoint,
    private readonly redeliverWebhook: RedeliverWebhook,
  ) {}

  private async endpointOf(tenantId: TenantId, id: string) {
    const endpoint = await this.endpoints.find(tenantId, uuidOr404('Webhook endpoint', id));
    if (!endpoint) throw new NotFoundError('Webhook endpoint', id);
    return endpoint;
  }

  @Post()
  @Scopes('webhooks:manage')
  @ApiOperation({
    operationId: 'createWebhookEndpoint',
    summary: 'Register a webhook endpoint (the signing secret is shown once)',
  })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointDto })
  async create(
    @CurrentTenant() tenantId: TenantId,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointDto> {
    const endpoint = await this.createEndpoint.execute(tenantId, body);
    return { ...WebhookEndpointDto.of(endpoint), secret: endpoint.secret };
  }

  @Get()
  @Scopes('webhooks:read')
  @ApiOperation({ operationId: 'listWebhookEndpoints', summary: 'List webhook endpoints' })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  async list(
    @CurrentTenant() tenantId: TenantId,
    @Query() q: CursorPageQuery,
  ): Promise<WebhookEndpointListDto> {
    const page = paginateInMemory(await this.endpoints.list(tenantId), q, createdKey);
    return { items: page.items.map(WebhookEndpointDto.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Scopes('webhooks:read')
  @ApiOperation({ operationId: 'getWebhookEndpoint', summary: 'Get a webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  async get(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<WebhookEndpointDto> {
    return WebhookEndpointDto.of(await this.endpointOf(tenantId, id));
  }

  @Patch(':id')
  @Scopes('webhooks:manage')
  @ApiOperation({
    operationId: 'updateWebhookEndpoint',
    summary: 'Change a webhook endpoint (URL, event types, enabled)',
  })
  @ApiOkResponse({ type: WebhookEndpointDto })
  async update(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return WebhookEndpointDto.of(
      await this.updateEndpoint.execute(tenantId, uuidOr404('Webhook endpoint', id), body),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('webhooks:manage')
  @ApiOperation({
    operationId: 'deleteWebhookEndpoint',
    summary: 'Delete a webhook endpoint and its delivery log',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentTenant() tenantId: TenantId, @Param('id') id: string): Promise<void> {
    await this.deleteEndpoint.execute(tenantId, uuidOr404('Webhook endpoint', id));
  }

  @Get(':id/deliveries')
  @Scopes('webhooks:read')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: 'Delivery log of an endpoint, newest first',
  })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  async deliveriesOf(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Query() query: CursorPageQuery,
  ): Promise<WebhookDeliveryListDto> {
    const endpoint = await this.endpointOf(tenantId, id);
    const page = await this.deliveries.listForEndpoint(tenantId, endpoint.id, {
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    return { items: page.items.map((d) => WebhookDeliveryDto.of(d)), nextCursor: page.nextCursor };
  }

  @Get(':id/deliveries/:deliveryId')
  @Scopes('webhooks:read')
  @ApiOperation({
    operationId: 'getWebhookDelivery',
    summary: 'One delivery with its attempt log (status codes, errors, timings)',
  })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  async delivery(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    const delivery = await this.deliveries.find(tenantId, uuidOr404('Webhook delivery', deliveryId));
    if (!delivery || delivery.endpointId !== id) throw new NotFoundError('Webhook delivery', deliveryId);
    return WebhookDeliveryDto.of(delivery, await this.deliveries.attempts(tenantId, deliveryId));
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Scopes('webhooks:manage')
  @ApiOperation({
    operationId: 'redeliverWebhook',
    summary: 'Send a delivery again (same event id and body, fresh retry schedule)',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  async redeliver(
    @CurrentTenant() tenantId: TenantId,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return WebhookDeliveryDto.of(
      await this.redeliverWebhook.execute(tenantId, id, uuidOr404('Webhook delivery', deliveryId)),
    );
  }
}
