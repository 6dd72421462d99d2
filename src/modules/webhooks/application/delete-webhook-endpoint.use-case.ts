import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { WebhookEndpointRepository } from '../domain/webhook.repository.port';

/** Removes an endpoint with its delivery log; another tenant's endpoint is not found. */
@Injectable()
export class DeleteWebhookEndpoint {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async execute(tenantId: TenantId, id: string): Promise<void> {
    if (!(await this.endpoints.delete(tenantId, id))) throw new NotFoundError('Webhook endpoint', id);
  }
}
