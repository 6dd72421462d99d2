import { Module, forwardRef } from '@nestjs/common';
import { WebhookEvents } from '../../shared/contracts/webhook-events';
import { DomainEventListeners } from '../../shared/contracts/domain-events';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { WebhookDeliveryRepository, WebhookEndpointRepository } from './domain/webhook.repository.port';
import { WebhookSender } from '../../shared/contracts/webhook-sender';
import { StripeEventRepository } from './domain/stripe-event.repository.port';
import { PublishWebhookEvent } from './application/publish-webhook-event';
import { DeliverWebhook } from './application/deliver-webhook.use-case';
import { RedeliverWebhook } from './application/redeliver-webhook.use-case';
import { CreateWebhookEndpoint } from './application/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpoint } from './application/delete-webhook-endpoint.use-case';
import { UpdateWebhookEndpoint } from './application/update-webhook-endpoint.use-case';
import { ReceiveStripeEvent } from './application/receive-stripe-event.use-case';
import { ProcessStripeEvent } from './application/process-stripe-event.use-case';
import { WebhookEndpointsController } from './adapters/webhook-endpoints.controller';
import { StripeWebhookController } from './adapters/stripe-webhook.controller';
import { HttpWebhookSender } from './adapters/http-webhook-sender';
import {
  TypeOrmWebhookDeliveryRepository,
  TypeOrmWebhookEndpointRepository,
} from './adapters/typeorm-webhook.repository';
import { TypeOrmStripeEventRepository } from './adapters/typeorm-stripe-event.repository';
import { BillingModule } from '../billing/billing.module';

/**
 * Webhooks: outbound events to tenants' endpoints (WebhookEvents, global, so any module can publish) and
 * the Stripe webhook intake. See docs/modules/webhooks.md.
 */
@Module({
  imports: [forwardRef(() => BillingModule), forwardRef(() => InvoicingModule)],
  controllers: [WebhookEndpointsController, StripeWebhookController],
  providers: [
    { provide: WebhookEndpointRepository, useClass: TypeOrmWebhookEndpointRepository },
    { provide: WebhookDeliveryRepository, useClass: TypeOrmWebhookDeliveryRepository },
    { provide: StripeEventRepository, useClass: TypeOrmStripeEventRepository },
    { provide: WebhookSender, useClass: HttpWebhookSender },
    { provide: WebhookEvents, useClass: PublishWebhookEvent },
    DomainEventListeners,
    DeliverWebhook,
    RedeliverWebhook,
    CreateWebhookEndpoint,
    UpdateWebhookEndpoint,
    DeleteWebhookEndpoint,
    ReceiveStripeEvent,
    ProcessStripeEvent,
  ],
  exports: [
    WebhookEvents,
    DomainEventListeners,
    WebhookSender,
    DeliverWebhook,
    ProcessStripeEvent,
    StripeEventRepository,
  ],
})
export class WebhooksModule {}
