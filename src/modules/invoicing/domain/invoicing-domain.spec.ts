import { RecordedOutcome } from '../../../shared/contracts/billing-for-invoicing';
import { asTenantId } from '../../../shared/domain/tenant-id';
import { creditNoteLines } from './credit-note';
import { amountDue, canTransition, creditsToApply, Invoice, numberSeries } from './invoice';
import { nextVerificationStep, VerificationRule } from './verification-rule';

const tenantId = asTenantId('00000000-0000-4000-8000-000000000001');

describe('invoice numbers and states', () => {
  it('numbers in one series per prefix and year', () => {
    expect(numberSeries('INV', new Date('2026-03-01T00:00:00Z'))).toBe('INV-2026');
    expect(numberSeries('CN', new Date('2026-12-31T23:59:59Z'))).toBe('CN-2026');
  });

  it('only moves forward', () => {
    expect(canTransition('draft', 'finalized')).toBe(true);
    expect(canTransition('finalized', 'draft')).toBe(false);
    expect(canTransition('paid', 'void')).toBe(false);
    expect(canTransition('finalized', 'uncollectible')).toBe(true);
  });

  it('applies credits up to what is owed, never below zero', () => {
    expect(creditsToApply({ totalBeforeCredits: '100.00', creditsAvailable: '30', currency: 'USD' })).toBe(
      '30.00',
    );
    expect(creditsToApply({ totalBeforeCredits: '20.00', creditsAvailable: '30', currency: 'USD' })).toBe(
      '20.00',
    );
    expect(creditsToApply({ totalBeforeCredits: '-5.00', creditsAvailable: '30', currency: 'USD' })).toBe(
      '0.00',
    );
    expect(amountDue('100.00', '30.00', 'USD')).toBe('70.00');
    expect(amountDue('100', '0', 'JPY')).toBe('100');
  });
});

describe('credit note lines', () => {
  const invoice = {
    id: 'inv',
    tenantId,
    status: 'finalized',
    number: 'INV-2026-000001',
    currency: 'USD',
    taxRate: '10',
    total: '110.00',
    amountCredited: '0.00',
    lines: [
      { id: 'l1', description: 'Seats', amount: '60.00' },
      { id: 'l2', description: 'Usage', amount: '40.00' },
    ],
  } as unknown as Invoice;

  it('credits the whole remaining amount by default', () => {
    const { total } = creditNoteLines(invoice, new Map(), undefined);
    expect(total.toFixed(2)).toBe('110.00');
  });

  it('credits per line up to the line amount with its tax', () => {
    const { lines, total } = creditNoteLines(invoice, new Map([['l1', '10']]), [
      { invoiceLineId: 'l1', amount: '56' },
    ]);
    expect(lines[0]).toMatchObject({ invoiceLineId: 'l1', amount: '56.00' });
    expect(total.toFixed(2)).toBe('56.00');
    expect(() =>
      creditNoteLines(invoice, new Map([['l1', '10']]), [{ invoiceLineId: 'l1', amount: '56.01' }]),
    ).toThrow(/can be credited/);
    expect(() => creditNoteLines(invoice, new Map(), [{ invoiceLineId: 'nope', amount: '1' }])).toThrow(
      /not on this/,
    );
  });

  it('refuses drafts and fully credited invoices', () => {
    expect(() => creditNoteLines({ ...invoice, status: 'draft' }, new Map(), undefined)).toThrow(/finalized/);
    expect(() => creditNoteLines({ ...invoice, amountCredited: '110.00' }, new Map(), undefined)).toThrow(
      /fully/,
    );
  });
});

describe('outcome verification rules', () => {
  const now = new Date('2026-11-10T00:00:00Z');
  const outcome: RecordedOutcome = {
    id: 'o1',
    tenantId,
    agentId: 'a1',
    customerId: null,
    type: 'ticket_resolved',
    value: '30',
    currency: 'USD',
    evidence: { ticket_id: 'T-1' },
    status: 'pending',
    createdAt: new Date('2026-11-08T00:00:00Z'),
  };
  const rule = (r: Partial<VerificationRule>): VerificationRule => ({
    id: 'r',
    tenantId,
    outcomeType: 'ticket_resolved',
    autoAcceptBelow: null,
    requiredEvidence: [],
    webhookUrl: null,
    webhookSecret: null,
    disputeWindowHours: null,
    ...r,
  });

  it('verifies without a rule, rejects missing evidence, auto-accepts under the threshold', () => {
    expect(nextVerificationStep(null, outcome, now)).toMatchObject({ kind: 'decided', status: 'verified' });
    expect(
      nextVerificationStep(rule({ requiredEvidence: ['ticket_id', 'url'] }), outcome, now),
    ).toMatchObject({
      status: 'rejected',
      reason: 'missing evidence: url',
    });
    expect(nextVerificationStep(rule({ autoAcceptBelow: '50' }), outcome, now)).toMatchObject({
      status: 'verified',
    });
    expect(nextVerificationStep(rule({ autoAcceptBelow: '10' }), outcome, now)).toMatchObject({
      status: 'rejected',
    });
  });

  it('asks the webhook, or waits for the dispute window', () => {
    expect(
      nextVerificationStep(rule({ autoAcceptBelow: '10', webhookUrl: 'https://x.test' }), outcome, now).kind,
    ).toBe('ask_webhook');
    expect(nextVerificationStep(rule({ disputeWindowHours: 24 }), outcome, now)).toMatchObject({
      status: 'verified',
    });
    expect(nextVerificationStep(rule({ disputeWindowHours: 72 }), outcome, now)).toEqual({
      kind: 'wait_until',
      at: new Date('2026-11-11T00:00:00Z'),
    });
  });
});
