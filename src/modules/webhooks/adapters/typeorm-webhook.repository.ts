import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { newId } from '../../../shared/domain/ids';
import { TenantId, asTenantId } from '../../../shared/domain/tenant-id';
import {
  DeliveryAttempt,
  DeliveryStatus,
  WebhookDelivery,
  WebhookDeliveryRepository,
  WebhookEndpoint,
  WebhookEndpointRepository,
} from '../domain/webhook.repository.port';
import { tenantQuery } from '../../../shared/persistence/tenant-sql';
type Row = Record<string, unknown>;
import { decodeCursor, instantSql, Page, pageFrom } from '../../../shared/http/cursor';

// Raw SQL with tenant_id always bound as a parameter (these tables are small and simple).

const toEndpoint = (r: Row): WebhookEndpoint => ({
  id: r.id as string,
  tenantId: asTenantId(r.tenant_id as string),
  url: r.url as string,
  description: (r.description as string | null) ?? null,
  eventTypes: r.event_types as string[],
  secret: r.secret as string,
  enabled: r.enabled as boolean,
  createdAt: r.created_at as Date,
});

const toDelivery = (r: Row): WebhookDelivery => ({
  id: r.id as string,
  tenantId: asTenantId(r.tenant_id as string),
  endpointId: r.endpoint_id as string,
  eventId: r.event_id as string,
  eventType: r.event_type as string,
  payload: r.payload as Record<string, unknown>,
  status: r.status as DeliveryStatus,
  attempts: r.attempts as number,
  lastStatusCode: (r.last_status_code as number | null) ?? null,
  lastError: (r.last_error as string | null) ?? null,
  deliveredAt: (r.delivered_at as Date | null) ?? null,
  createdAt: r.created_at as Date,
});

@Injectable()
export class TypeOrmWebhookEndpointRepository extends WebhookEndpointRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private q(tenantId: TenantId, sql: string, params: unknown[]): Promise<Row[]> {
    return tenantQuery<Row>(this.txHost.tx, tenantId, sql, params);
  }

  async insert(e: WebhookEndpoint): Promise<void> {
    await this.q(
      e.tenantId,
      `INSERT INTO webhook_endpoints (id, tenant_id, url, description, event_types, secret, enabled)
       VALUES ($2,$1,$3,$4,$5,$6,$7)`,
      [e.id, e.url, e.description, e.eventTypes, e.secret, e.enabled],
    );
  }

  async find(tenantId: TenantId, id: string): Promise<WebhookEndpoint | null> {
    const rows = await this.q(tenantId, `SELECT * FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`, [
      id,
    ]);
    return rows[0] ? toEndpoint(rows[0]) : null;
  }

  async list(tenantId: TenantId): Promise<WebhookEndpoint[]> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`,
      [],
    );
    return rows.map(toEndpoint);
  }

  async update(
    tenantId: TenantId,
    id: string,
    patch: Partial<Pick<WebhookEndpoint, 'url' | 'description' | 'eventTypes' | 'enabled'>>,
  ): Promise<boolean> {
    const rows = await this.q(
      tenantId,
      `UPDATE webhook_endpoints SET
         url = COALESCE($3, url), description = COALESCE($4, description),
         event_types = COALESCE($5, event_types), enabled = COALESCE($6, enabled)
       WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [id, patch.url ?? null, patch.description ?? null, patch.eventTypes ?? null, patch.enabled ?? null],
    );
    return rows.length > 0;
  }

  async delete(tenantId: TenantId, id: string): Promise<boolean> {
    const rows = await this.q(
      tenantId,
      `DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async subscribedTo(tenantId: TenantId, eventType: string): Promise<WebhookEndpoint[]> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM webhook_endpoints
       WHERE tenant_id = $1 AND enabled AND ($2 = ANY(event_types) OR '*' = ANY(event_types))`,
      [eventType],
    );
    return rows.map(toEndpoint);
  }
}

@Injectable()
export class TypeOrmWebhookDeliveryRepository extends WebhookDeliveryRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  private q(tenantId: TenantId, sql: string, params: unknown[]): Promise<Row[]> {
    return tenantQuery<Row>(this.txHost.tx, tenantId, sql, params);
  }

  async insertMany(deliveries: WebhookDelivery[]): Promise<void> {
    if (!deliveries.length) return;
    const tenantId = deliveries[0].tenantId;
    if (deliveries.some((d) => d.tenantId !== tenantId))
      throw new Error('deliveries of one tenant at a time');
    await this.q(
      tenantId,
      `INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload)
       SELECT d.id, $1, d.endpoint_id, d.event_id, d.event_type, d.payload
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::jsonb[])
         AS d(id, endpoint_id, event_id, event_type, payload)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
      [
        deliveries.map((d) => d.id),
        deliveries.map((d) => d.endpointId),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => d.eventType),
        deliveries.map((d) => JSON.stringify(d.payload)),
      ],
    );
  }

  async find(tenantId: TenantId, id: string): Promise<WebhookDelivery | null> {
    const rows = await this.q(tenantId, `SELECT * FROM webhook_deliveries WHERE tenant_id = $1 AND id = $2`, [
      id,
    ]);
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async listForEndpoint(
    tenantId: TenantId,
    endpointId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<WebhookDelivery>> {
    const [at, id] = page.cursor ? decodeCursor(page.cursor, ['instant', 'uuid']) : [null, null];
    const rows = await this.q(
      tenantId,
      `SELECT *, ${instantSql('created_at')} AS cursor_at FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2
         AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      [endpointId, page.limit + 1, at, id],
    );
    const result = pageFrom(rows, page.limit, (last) => [last.cursor_at as string, last.id as string]);
    return { items: result.items.map(toDelivery), nextCursor: result.nextCursor };
  }

  async attempts(tenantId: TenantId, deliveryId: string): Promise<DeliveryAttempt[]> {
    const rows = await this.q(
      tenantId,
      `SELECT * FROM webhook_delivery_attempts WHERE tenant_id = $1 AND delivery_id = $2 ORDER BY attempt`,
      [deliveryId],
    );
    return rows.map((r) => ({
      attempt: r.attempt as number,
      statusCode: (r.status_code as number | null) ?? null,
      error: (r.error as string | null) ?? null,
      responseBody: (r.response_body as string | null) ?? null,
      durationMs: r.duration_ms as number,
      createdAt: r.created_at as Date,
    }));
  }

  async recordAttempt(
    tenantId: TenantId,
    deliveryId: string,
    a: Omit<DeliveryAttempt, 'createdAt' | 'attempt'>,
    outcome: DeliveryStatus,
  ): Promise<void> {
    await this.q(
      tenantId,
      `WITH d AS (
         UPDATE webhook_deliveries SET attempts = attempts + 1, status = $3, last_status_code = $4,
           last_error = $5, delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END
         WHERE tenant_id = $1 AND id = $2 RETURNING attempts)
       INSERT INTO webhook_delivery_attempts
         (id, tenant_id, delivery_id, attempt, status_code, error, response_body, duration_ms)
       SELECT $6, $1, $2, d.attempts, $4, $5, $7, $8 FROM d`,
      [deliveryId, outcome, a.statusCode, a.error, newId(), a.responseBody, a.durationMs],
    );
  }

  async markPending(tenantId: TenantId, deliveryId: string): Promise<void> {
    await this.q(
      tenantId,
      `UPDATE webhook_deliveries SET status = 'pending' WHERE tenant_id = $1 AND id = $2`,
      [deliveryId],
    );
  }
}
