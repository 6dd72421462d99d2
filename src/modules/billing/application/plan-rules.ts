import { InvalidError } from '../../../shared/domain/domain-error';
import { TenantId } from '../../../shared/domain/tenant-id';
import { MetricRepository } from '../domain/metering';
import { PlanDefinition } from '../domain/plan';
import { Plan, PlanVersion } from '../domain/plan.repository.port';

export interface PlanView extends Plan {
  version: PlanVersion;
}

export async function checkMetrics(metrics: MetricRepository, tenantId: TenantId, def: PlanDefinition) {
  const codes = [
    ...new Set(def.charges.flatMap((c) => (c.kind === 'usage' && c.metricCode ? [c.metricCode] : []))),
  ];
  if (!codes.length) return;
  const found = new Set((await metrics.findByCodes(tenantId, codes)).map((m) => m.code));
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length)
    throw new InvalidError(
      'unknown_metric',
      `Unknown metric(s): ${missing.join(', ')}`,
      missing.map((m) => ({ field: 'charges.metricCode', message: `no metric with code ${m}` })),
    );
}
