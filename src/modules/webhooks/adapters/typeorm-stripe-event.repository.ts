import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { newId } from '../../../shared/domain/ids';
import { StoredStripeEvent, StripeEventPayload } from '../domain/stripe-event';
import { StripeEventRepository } from '../domain/stripe-event.repository.port';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { crossTenantQuery, tenantQuery } from '../../../shared/persistence/tenant-sql';

type Row = Record<string, unknown>;

@Injectable()
export class TypeOrmStripeEventRepository extends StripeEventRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {
    super();
  }

  /** stripe_events is the intake log: an event is stored before its tenant is known (if it has one). */
  private intake(sql: string, params: unknown[]): Promise<Row[]> {
    return crossTenantQuery<Row>(
      this.txHost.tx,
      'Stripe events arrive before their tenant is known',
      sql,
      params,
    );
  }

  async insert(event: StripeEventPayload, tenantId: string | null): Promise<boolean> {
    const rows = await this.intake(
      `INSERT INTO stripe_events (id, stripe_event_id, tenant_id, type, event_created, payload)
       VALUES ($1,$2,$3,$4,to_timestamp($5),$6) ON CONFLICT (stripe_event_id) DO NOTHING RETURNING id`,
      [newId(), event.id, tenantId, event.type, event.created, JSON.stringify(event)],
    );
    return rows.length > 0;
  }

  find(stripeEventId: string): Promise<StoredStripeEvent | null> {
    return this.read(stripeEventId, '');
  }

  lockForProcessing(stripeEventId: string): Promise<StoredStripeEvent | null> {
    return this.read(stripeEventId, 'FOR UPDATE');
  }

  private async read(stripeEventId: string, lock: '' | 'FOR UPDATE'): Promise<StoredStripeEvent | null> {
    const rows = await this.intake(`SELECT * FROM stripe_events WHERE stripe_event_id = $1 ${lock}`, [
      stripeEventId,
    ]);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      stripeEventId: r.stripe_event_id as string,
      type: r.type as string,
      tenantId: (r.tenant_id as string | null) ?? null,
      eventCreated: r.event_created as Date,
      payload: r.payload as StripeEventPayload,
      status: r.status as StoredStripeEvent['status'],
    };
  }

  async finish(
    stripeEventId: string,
    status: 'processed' | 'ignored' | 'failed',
    tenantId: string | null,
    error?: string,
  ): Promise<void> {
    await this.intake(
      `UPDATE stripe_events SET status = $2, tenant_id = COALESCE($3, tenant_id), error = $4, processed_at = now()
       WHERE stripe_event_id = $1`,
      [stripeEventId, status, tenantId, error ?? null],
    );
  }

  async advanceObjectState(s: {
    objectId: string;
    objectType: string;
    tenantId: string;
    status: string;
    rank: number;
    objectCreated: Date;
    eventCreated: Date;
  }): Promise<boolean> {
    // Same rule as isNewerState, applied atomically under the row lock of the upsert.
    const rows = await tenantQuery(
      this.txHost.tx,
      asTenantId(s.tenantId),
      `INSERT INTO stripe_object_states
         (object_id, tenant_id, object_type, status, status_rank, object_created, event_created)
       VALUES ($2,$1,$3,$4,$5,$6,$7)
       ON CONFLICT (object_id) DO UPDATE SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
         event_created = EXCLUDED.event_created
       WHERE stripe_object_states.tenant_id = EXCLUDED.tenant_id AND (
         EXCLUDED.status_rank > stripe_object_states.status_rank OR
         (EXCLUDED.status_rank = stripe_object_states.status_rank
          AND EXCLUDED.event_created >= stripe_object_states.event_created))
       RETURNING object_id`,
      [s.objectId, s.objectType, s.status, s.rank, s.objectCreated, s.eventCreated],
    );
    return rows.length > 0;
  }
}
