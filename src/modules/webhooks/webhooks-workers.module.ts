import { Module } from '@nestjs/common';
import { InvoicingModule } from '../invoicing/invoicing.module';
import { OutboundWebhooksProcessor } from './adapters/outbound-webhooks.processor';
import { StripeEventsProcessor } from './adapters/stripe-events.processor';
import { WebhooksModule } from './webhooks.module';

/** BullMQ processors of the outbound-webhooks and stripe-events queues. */
@Module({
  imports: [WebhooksModule, InvoicingModule],
  providers: [OutboundWebhooksProcessor, StripeEventsProcessor],
})
export class WebhooksWorkersModule {}
