import { InvalidError } from '../../../shared/domain/domain-error';
import { isValidTimeZone } from '../../../shared/domain/time-zone';
import { localMidnight, parseLocalDate } from '../../../shared/domain/local-date';
import { TenantId } from '../../../shared/domain/tenant-id';
import { UsageAnalyticsReader } from '../domain/usage-analytics';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A query bound: a calendar date is local midnight in the time zone; an instant must fall on a whole hour,
 * because the rollup is hourly and analytics never reads raw usage.
 */
function resolveBound(field: 'from' | 'to', value: string, timeZone: string): Date {
  const dateOnly = DATE_ONLY.test(value);
  const utcDay = new Date(`${value}T00:00:00Z`);
  const realDate = !dateOnly || (!Number.isNaN(utcDay.getTime()) && utcDay.toISOString().startsWith(value));
  const at = !realDate
    ? new Date(NaN)
    : dateOnly
      ? localMidnight(parseLocalDate(value), timeZone)
      : new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new InvalidError('validation_failed', `${field} is not a date`, [
      { field, message: 'must be YYYY-MM-DD or an ISO 8601 date-time' },
    ]);
  if (!dateOnly && at.getTime() % 3_600_000 !== 0)
    throw new InvalidError('invalid_range', `${field} must fall on a whole hour`, [
      { field, message: 'analytics are kept per hour: use a date or a date-time on the hour' },
    ]);
  return at;
}

function checkTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone))
    throw new InvalidError('invalid_timezone', `Unknown time zone ${timeZone}`, [
      { field: 'timezone', message: 'must be an IANA time zone, e.g. Europe/Paris' },
    ]);
}

function checkOrder(from: Date, to: Date): void {
  if (from >= to)
    throw new InvalidError('invalid_range', 'from must be before to', [
      { field: 'to', message: 'must be after from' },
    ]);
}

/**
 * A query's range as both analytics reads take it: the time zone given or the organization's, checked;
 * both bounds resolved in it (resolveBound); `from` before `to`.
 */
export async function resolveRange(
  reader: UsageAnalyticsReader,
  tenantId: TenantId,
  input: { from: string; to: string; timezone?: string },
): Promise<{ timezone: string; from: Date; to: Date }> {
  const timezone = input.timezone ?? (await reader.timezoneOf(tenantId));
  checkTimeZone(timezone);
  const from = resolveBound('from', input.from, timezone);
  const to = resolveBound('to', input.to, timezone);
  checkOrder(from, to);
  return { timezone, from, to };
}
