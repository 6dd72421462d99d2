import { ConflictError, NotFoundError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { Adjustment, ProrationLine, Subscription, SubscriptionRepository } from '../domain/subscription';

export const toAdjustments = (sub: Subscription, lines: ProrationLine[], at: Date): Adjustment[] =>
  lines.map((l) => ({
    id: newId(),
    tenantId: sub.tenantId,
    subscriptionId: sub.id,
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    unitAmount: l.unitAmount,
    amount: l.amount.toString(),
    effectiveAt: at,
  }));

/** Locks the subscription row for the running transaction; 404 when missing, 409 once it is canceled. */
export async function lockChangeable(
  subscriptions: SubscriptionRepository,
  tenantId: TenantId,
  id: string,
): Promise<Subscription> {
  const sub = await subscriptions.findForUpdate(tenantId, id);
  if (!sub) throw new NotFoundError('Subscription', id);
  if (sub.status === 'canceled' || sub.closed)
    throw new ConflictError('subscription_canceled', 'The subscription is canceled');
  return sub;
}
