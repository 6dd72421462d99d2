import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';

/** Every URL form that reached internal addresses, against the real app with production's outbound policy. */
const REFUSED = [
  'http://[64:ff9b::a9fe:a9fe]/', // NAT64 of the cloud metadata address
  'http://[2002:a9fe:a9fe::]/', // 6to4 of the metadata address
  'http://[2002:7f00:1::]/', // 6to4 of loopback
  'http://[::127.0.0.1]/', // IPv4-compatible loopback
  'http://[::ffff:127.0.0.1]/', // IPv4-mapped loopback
  'http://198.18.0.1/', // benchmarking 198.18.0.0/15
  'http://240.0.0.1/', // reserved 240.0.0.0/4
  'http://255.255.255.255/', // broadcast
  'http://[fec0::1]/', // site-local fec0::/10
  'http://169.254.169.254/latest/meta-data',
  'http://127.0.0.1/',
  'http://2130706433/', // 127.0.0.1 written as one number
  'http://localhost/',
  'http://10.0.0.1/',
  'http://100.64.0.1/',
  'http://[fd00::1]/',
  'https://example.com:8443/', // a public name on a port that is not allowed
];

const REFUSAL = /^(webhook_url_refused|validation_failed)$/;

describe('outbound URLs (SSRF)', () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t);
  });
  afterAll(() => t.close());

  it.each(REFUSED)('refuses %s as a webhook endpoint and as an outcome-verification URL', async (url) => {
    const endpoint = await owner
      .auth(t.http.post('/api/v1/webhook-endpoints'))
      .send({ url, eventTypes: ['invoice.paid'] });
    // The DTO's URL check may refuse an odd form first; either way nothing is saved.
    expect([endpoint.status, endpoint.body.code]).toEqual([400, expect.stringMatching(REFUSAL)]);
    const rule = await owner
      .auth(t.http.put('/api/v1/outcome-verification-rules/lead_qualified'))
      .send({ webhookUrl: url, webhookSecret: 'verification-secret-0123456789' });
    expect([rule.status, rule.body.code]).toEqual([400, expect.stringMatching(REFUSAL)]);
    expect(rule.body.errors).toEqual([expect.objectContaining({ field: 'webhookUrl' })]);
  });
});
