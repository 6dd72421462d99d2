import { TenantId } from '../../../shared/domain/tenant-id';
import { Page } from '../../../shared/http/cursor';

export interface WebhookEndpoint {
  id: string;
  tenantId: TenantId;
  url: string;
  description: string | null;
  eventTypes: string[];
  secret: string;
  enabled: boolean;
  createdAt: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  tenantId: TenantId;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface DeliveryAttempt {
  attempt: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
  createdAt: Date;
}

export abstract class WebhookEndpointRepository {
  abstract insert(endpoint: WebhookEndpoint): Promise<void>;
  abstract find(tenantId: TenantId, id: string): Promise<WebhookEndpoint | null>;
  abstract list(tenantId: TenantId): Promise<WebhookEndpoint[]>;
  abstract update(
    tenantId: TenantId,
    id: string,
    patch: Partial<Pick<WebhookEndpoint, 'url' | 'description' | 'eventTypes' | 'enabled'>>,
  ): Promise<boolean>;
  abstract delete(tenantId: TenantId, id: string): Promise<boolean>;
  /** Enabled endpoints of the tenant subscribed to this event type (or to '*'). */
  abstract subscribedTo(tenantId: TenantId, eventType: string): Promise<WebhookEndpoint[]>;
}

export abstract class WebhookDeliveryRepository {
  /** Inserts deliveries; duplicates of (endpoint, event) are ignored. */
  abstract insertMany(deliveries: WebhookDelivery[]): Promise<void>;
  abstract find(tenantId: TenantId, id: string): Promise<WebhookDelivery | null>;
  /** Newest first. */
  abstract listForEndpoint(
    tenantId: TenantId,
    endpointId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<WebhookDelivery>>;
  abstract attempts(tenantId: TenantId, deliveryId: string): Promise<DeliveryAttempt[]>;
  abstract recordAttempt(
    tenantId: TenantId,
    deliveryId: string,
    attempt: Omit<DeliveryAttempt, 'createdAt' | 'attempt'>,
    outcome: DeliveryStatus,
  ): Promise<void>;
  abstract markPending(tenantId: TenantId, deliveryId: string): Promise<void>;
}
