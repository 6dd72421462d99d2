import { StoredStripeEvent, StripeEventPayload } from './stripe-event';

export abstract class StripeEventRepository {
  /** Stores a verified event; false if this Stripe event id was stored before (a duplicate delivery). */
  abstract insert(event: StripeEventPayload, tenantId: string | null): Promise<boolean>;
  /** The stored event, without a lock (what to ask Stripe before processing it). */
  abstract find(stripeEventId: string): Promise<StoredStripeEvent | null>;
  /** Locks the stored event for processing in the current transaction. */
  abstract lockForProcessing(stripeEventId: string): Promise<StoredStripeEvent | null>;
  abstract finish(
    stripeEventId: string,
    status: 'processed' | 'ignored' | 'failed',
    tenantId: string | null,
    error?: string,
  ): Promise<void>;
  /**
   * Moves the remembered state of a Stripe object forward (see isNewerState); false when the stored
   * state is newer, so the caller must not apply this event's effect.
   */
  abstract advanceObjectState(input: {
    objectId: string;
    objectType: string;
    tenantId: string;
    status: string;
    rank: number;
    objectCreated: Date;
    eventCreated: Date;
  }): Promise<boolean>;
}
