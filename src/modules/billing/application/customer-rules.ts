import { InvalidError } from '../../../shared/domain/domain-error';
import { dec } from '../../../shared/domain/money';
import { isValidTimeZone } from '../../../shared/domain/time-zone';

export function checkTimezone(tz: string | undefined) {
  if (tz !== undefined && !isValidTimeZone(tz))
    throw new InvalidError('invalid_timezone', `Unknown timezone ${tz}`, [
      { field: 'timezone', message: 'must be an IANA timezone' },
    ]);
}

/** A tax rate is a percent of the taxable amount: above 100 is a typo (1000 for 10.00), not a rate. */
export function checkTaxRate(rate: string | undefined) {
  if (rate !== undefined && dec(rate).gt(100))
    throw new InvalidError('invalid_tax_rate', `Tax rate ${rate}% is above 100%`, [
      { field: 'taxRate', message: 'taxRate is a percent from 0 to at most 100' },
    ]);
}
