import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { WEBHOOK_EVENT_TYPES } from '../../../shared/contracts/webhook-events';
import { InvalidError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { WebhookEndpoint, WebhookEndpointRepository } from '../domain/webhook.repository.port';
import { WebhookSender } from '../domain/webhook-sender.port';

const KNOWN_TYPES = new Set<string>([...WEBHOOK_EVENT_TYPES, '*']);

function checkEventTypes(types: string[]): void {
  const unknown = types.filter((t) => !KNOWN_TYPES.has(t));
  if (unknown.length)
    throw new InvalidError('unknown_event_type', `Unknown event type(s): ${unknown.join(', ')}`, [
      { field: 'eventTypes', message: `allowed: ${[...KNOWN_TYPES].join(', ')}` },
    ]);
}

async function checkUrl(sender: WebhookSender, url: string): Promise<void> {
  const problem = await sender.checkUrl(url);
  if (problem) throw new InvalidError('webhook_url_refused', problem, [{ field: 'url', message: problem }]);
}

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
