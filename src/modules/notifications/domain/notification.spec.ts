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
