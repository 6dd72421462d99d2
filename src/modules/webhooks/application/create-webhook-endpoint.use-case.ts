import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { WebhookEndpoint, WebhookEndpointRepository } from '../domain/webhook.repository.port';
import { WebhookSender } from '../../../shared/contracts/webhook-sender';
import { checkEventTypes, checkUrl } from './webhook-endpoint-checks';

@Injectable()
export class CreateWebhookEndpoint {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly sender: WebhookSender,
  ) {}

  async execute(
    tenantId: TenantId,
    input: { url: string; eventTypes: string[]; description?: string; secret?: string },
  ): Promise<WebhookEndpoint> {
    checkEventTypes(input.eventTypes);
    await checkUrl(this.sender, input.url);
    const endpoint: WebhookEndpoint = {
      id: newId(),
      tenantId,
      url: input.url,
      description: input.description ?? null,
      eventTypes: [...new Set(input.eventTypes)],
      secret: input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`,
      enabled: true,
      createdAt: new Date(),
    };
    await this.endpoints.insert(endpoint);
    return endpoint;
  }
}
