import { composeMail, escapeHtml } from './mail-templates';
import { eventKeyOf } from './notification';

describe('notification domain', () => {
  it('keys an event by what identifies it, the same on every repeat, and refuses a payload without it', () => {
    expect(eventKeyOf('invoice.finalized', { invoiceId: 'i1', total: '1' })).toBe('invoice.finalized:i1');
    expect(eventKeyOf('credits.low', { customerId: 'c1', reference: 'inv:9', balance: '3' })).toBe(
      'credits.low:c1:inv:9',
    );
    expect(eventKeyOf('subscription.trial_ending', { subscriptionId: 's', trialEnd: '2026-01-01' })).toBe(
      'subscription.trial_ending:s:2026-01-01',
    );
    expect(eventKeyOf('credits.low', { customerId: 'c1' })).toBeNull();
    expect(eventKeyOf('member.invited', {})).toBeNull();
  });

  it('keys a failed payment by its attempt: Stripe attempt count, else the Stripe event, else the invoice', () => {
    const failed = (extra: Record<string, unknown>) =>
      eventKeyOf('invoice.payment_failed', { invoiceId: 'i1', ...extra });
    expect(failed({ attemptCount: 1, stripeEventId: 'evt_a' })).toBe('invoice.payment_failed:i1:attempt-1');
    // The same attempt reported by another event (or delivered twice) keeps its key; the next one differs.
    expect(failed({ attemptCount: 1, stripeEventId: 'evt_b' })).toBe(failed({ attemptCount: 1 }));
    expect(failed({ attemptCount: 2, stripeEventId: 'evt_c' })).toBe('invoice.payment_failed:i1:attempt-2');
    expect(failed({ attemptCount: null, stripeEventId: 'evt_d' })).toBe(
      'invoice.payment_failed:i1:event-evt_d',
    );
    expect(failed({ attemptCount: null, stripeEventId: null })).toBe('invoice.payment_failed:i1:invoice');
    expect(eventKeyOf('invoice.payment_failed', { attemptCount: 1 })).toBeNull();
  });

  it('escapes user-provided strings in the HTML body, not in the text body', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const mail = composeMail(
      'invoice.finalized',
      {
        number: '<INV-1>',
        total: '9.00',
        currency: 'USD',
        periodStart: '2026-01-01',
        periodEnd: '2026-02-01',
      },
      { organizationName: 'Acme <script>', publicBaseUrl: 'https://t.example' },
    );
    expect(mail.subject).toBe('[Acme <script>] Invoice <INV-1> for 9.00 USD');
    expect(mail.text).toContain('Invoice <INV-1> (2026-01-01 to 2026-02-01)');
    expect(mail.html).toContain('Invoice &lt;INV-1&gt;');
    expect(mail.html).not.toMatch(/<script>|<INV-1>/);
  });
});
