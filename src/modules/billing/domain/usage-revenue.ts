import { BUILTIN_METRICS } from '../../../shared/contracts/metering';
import { Dec, dec } from '../../../shared/domain/money';
import { Charge } from './plan';

export interface CallQuantities {
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

const quantityOf = (metricCode: string | undefined, q: CallQuantities): number | null => {
  switch (metricCode) {
    case BUILTIN_METRICS.promptTokens:
      return q.promptTokens;
    case BUILTIN_METRICS.completionTokens:
      return q.completionTokens;
    case BUILTIN_METRICS.agentRequests:
      return q.requests;
    default:
      return null;
  }
};

/**
 * Revenue one chat call adds under a plan's usage charges on the built-in chat metrics, unrounded.
 * Only prices that are additive call by call count here (per unit; percentage without its period
 * min/max): tiered, volume and package prices depend on the whole period's quantity, so their revenue
 * exists only on the invoice. Free units are a period allowance and are likewise left to the invoice.
 */
export function callRevenue(charges: Charge[], q: CallQuantities): Dec {
  let total = dec(0);
  for (const charge of charges) {
    if (charge.kind !== 'usage') continue;
    const quantity = quantityOf(charge.metricCode, q);
    if (quantity === null || quantity === 0) continue;
    const price = charge.price;
    if (price.model === 'per_unit') total = total.plus(dec(price.unitAmount).times(quantity));
    else if (price.model === 'percentage')
      total = total.plus(
        dec(quantity)
          .times(price.rate)
          .div(100)
          .plus(price.fixedPerEvent ?? 0),
      );
  }
  return total;
}
