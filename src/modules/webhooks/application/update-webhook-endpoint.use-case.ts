import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { WebhookEndpoint, WebhookEndpointRepository } from '../domain/webhook.repository.port';
import { WebhookSender } from '../../../shared/contracts/webhook-sender';
import { checkEventTypes, checkUrl } from './webhook-endpoint-checks';

@Injectable()
export class UpdateWebhookEndpoint {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly sender: WebhookSender,
  ) {}

  async execute(
    tenantId: TenantId,
    id: string,
    patch: { url?: string; eventTypes?: string[]; description?: string; enabled?: boolean },
  ): Promise<WebhookEndpoint> {
    if (patch.eventTypes) checkEventTypes(patch.eventTypes);
    if (patch.url) await checkUrl(this.sender, patch.url);
    const changed = await this.endpoints.update(tenantId, id, patch);
    const endpoint = changed ? await this.endpoints.find(tenantId, id) : null;
    if (!endpoint) throw new NotFoundError('Webhook endpoint', id);
    return endpoint;
  }
}
