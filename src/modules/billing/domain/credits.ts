import { Dec, dec } from '../../../shared/domain/money';

/** What is left of one grant (amount minus debits against it). */
export interface GrantRemaining {
  id: string;
  remaining: string;
  expiresAt: Date | null;
  createdAt: Date;
}

/**
 * Splits a debit over live grants, soonest-expiring first (then oldest), never taking more than what
 * is left: the wallet can never go negative. Returns the per-grant debits (possibly less than asked).
 */
export function allocateDebit(
  grants: GrantRemaining[],
  amount: string,
  now: Date,
): { grantId: string; amount: Dec }[] {
  let wanted = dec(amount);
  const live = grants
    .filter((g) => dec(g.remaining).gt(0) && (g.expiresAt === null || g.expiresAt > now))
    .sort(
      (a, b) =>
        (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
  const out: { grantId: string; amount: Dec }[] = [];
  for (const g of live) {
    if (wanted.lte(0)) break;
    const take = Dec_min(wanted, dec(g.remaining));
    out.push({ grantId: g.id, amount: take });
    wanted = wanted.minus(take);
  }
  return out;
}

const Dec_min = (a: Dec, b: Dec) => (a.lt(b) ? a : b);
