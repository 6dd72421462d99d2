import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock.port';
import { ConflictError, InvalidError } from '../../../shared/domain/domain-error';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { BillableMetric, MetricRepository } from '../domain/metering';
import { Aggregation } from '../domain/usage-event';

@Injectable()
export class CreateMetric {
  constructor(
    private readonly metrics: MetricRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    input: {
      code: string;
      name: string;
      aggregation: Aggregation;
      field?: string;
      filters?: Record<string, string | number | boolean>;
      allowsCorrections?: boolean;
    },
  ): Promise<BillableMetric> {
    if (input.aggregation !== 'count' && !input.field)
      throw new InvalidError(
        'metric_field_required',
        `A ${input.aggregation} metric needs the property it aggregates`,
        [{ field: 'field', message: 'required unless aggregation is count' }],
      );
    for (const [k, v] of Object.entries(input.filters ?? {}))
      if (!['string', 'number', 'boolean'].includes(typeof v))
        throw new InvalidError('invalid_filter', `Filter ${k} must be a string, number or boolean`, [
          { field: `filters.${k}`, message: 'must be a string, number or boolean' },
        ]);
    const metric: BillableMetric = {
      id: newId(),
      tenantId,
      code: input.code,
      name: input.name,
      aggregation: input.aggregation,
      field: input.aggregation === 'count' ? (input.field ?? null) : (input.field as string),
      filters: input.filters ?? {},
      allowsCorrections: input.allowsCorrections ?? false,
      createdAt: this.clock.now(),
    };
    if (!(await this.metrics.insert(metric)))
      throw new ConflictError('metric_code_taken', `A metric with code ${input.code} exists`);
    return metric;
  }
}
