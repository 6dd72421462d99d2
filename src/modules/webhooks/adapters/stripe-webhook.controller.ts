import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import Stripe from 'stripe';
import { AppConfig } from '../../../config/app-config';
import { DomainError, InvalidError } from '../../../shared/domain/domain-error';
import { Public } from '../../../shared/http/auth.decorators';
import { ReceiveStripeEvent } from '../application/receive-stripe-event.use-case';
import { StripeEventPayload } from '../domain/stripe-event';

export class StripeWebhookAckDto {
  @ApiProperty({ example: true }) received!: boolean;
  @ApiProperty({
    example: false,
    description: 'This Stripe event id was received before (nothing happens again)',
  })
  duplicate!: boolean;
}

const staleSignature = (toleranceSeconds: number) =>
  new InvalidError(
    'stale_stripe_signature',
    `The Stripe-Signature timestamp is outside the tolerance (${toleranceSeconds} s)`,
  );

/** Stripe calls this; it is authenticated by the Stripe-Signature header over the raw body, not by a login. */
@ApiTags('webhooks')
@Controller('webhooks/stripe')
export class StripeWebhookController {
  constructor(
    private readonly receive: ReceiveStripeEvent,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'receiveStripeEvent',
    summary: 'Stripe webhook intake: verify the signature, store the event, acknowledge at once',
  })
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiBody({ schema: { type: 'object', description: 'A Stripe event' } })
  @ApiOkResponse({ type: StripeWebhookAckDto })
  async handle(
    @Req() req: FastifyRequest & { rawBody?: Buffer },
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<StripeWebhookAckDto> {
    const { stripeWebhookSecret, stripeToleranceSeconds } = this.config.webhooks;
    if (!stripeWebhookSecret)
      throw new DomainError(
        'unavailable',
        'stripe_webhooks_not_configured',
        'STRIPE_WEBHOOK_SECRET is not set',
      );
    if (!signature || !req.rawBody)
      throw new InvalidError('invalid_stripe_signature', 'Missing Stripe-Signature header or body');
    let event: StripeEventPayload;
    try {
      event = Stripe.webhooks.constructEvent(
        req.rawBody,
        signature,
        stripeWebhookSecret,
        stripeToleranceSeconds,
      ) as unknown as StripeEventPayload;
    } catch (err) {
      // The SDK checks the signature first: a stale timestamp on a correct signature is a replay or a clock
      // problem, worth telling apart from a wrong secret.
      if (/timestamp outside the tolerance/i.test((err as Error).message ?? ''))
        throw staleSignature(stripeToleranceSeconds);
      throw new InvalidError(
        'invalid_stripe_signature',
        'The Stripe-Signature header does not match the body',
      );
    }
    // The SDK only refuses old timestamps; one from the future is no fresher (a replay signed ahead of time).
    const signedAt = Number(/(?:^|,)\s*t=(\d+)/.exec(signature)?.[1]);
    if (signedAt - Math.floor(Date.now() / 1000) > stripeToleranceSeconds)
      throw staleSignature(stripeToleranceSeconds);
    if (!event?.id || !event.type || !event.data?.object)
      throw new InvalidError('invalid_stripe_event', 'Not a Stripe event');
    const { duplicate } = await this.receive.execute(event);
    return { received: true, duplicate };
  }
}
