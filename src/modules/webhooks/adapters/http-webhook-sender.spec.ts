import { AppConfig } from '../../../config/app-config';
import { FakeWebhookReceiver } from '../../../../test/fakes/fake-webhook-receiver';
import { OutboundGuard } from '../../../shared/net/outbound-guard';
import { HttpWebhookSender } from './http-webhook-sender';

const senderWith = (webhooks: Partial<AppConfig['webhooks']> & { allowPrivate?: boolean }) =>
  new HttpWebhookSender(
    { webhooks: { timeoutMs: 1000, responseLogBytes: 16, ...webhooks } } as unknown as AppConfig,
    new OutboundGuard({ allowPrivate: webhooks.allowPrivate ?? false, allowedPorts: [80, 443] }),
  );

describe('HttpWebhookSender (SSRF guards)', () => {
  let receiver: FakeWebhookReceiver;
  beforeAll(async () => {
    receiver = await new FakeWebhookReceiver().start();
  });
  afterAll(() => receiver.close());

  it('refuses other schemes, credentials and private, loopback or metadata addresses', async () => {
    const sender = senderWith({});
    expect(await sender.checkUrl('ftp://example.com/x')).toMatch(/only http and https/);
    expect(await sender.checkUrl('https://user:pw@example.com/x')).toMatch(/credentials/);
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://[::ffff:192.168.0.1]/x',
      'http://localhost/x',
    ])
      expect(await sender.checkUrl(url)).toMatch(/not a public address|port/);
    const refused = await sender.post(`${receiver.url.replace(/:\d+/, '')}/x`, '{}', {});
    expect(refused).toMatchObject({ statusCode: null, error: expect.stringMatching(/not a public address/) });
    expect(receiver.received).toHaveLength(0);
  });

  it('caps the response it reads and times out slow endpoints', async () => {
    const sender = senderWith({ allowPrivate: true, timeoutMs: 300 });
    receiver.respond = (r) =>
      r.path === '/slow' ? { status: 200, delayMs: 1000 } : { status: 500, body: 'x'.repeat(100_000) };
    const big = await sender.post(`${receiver.url}/big`, '{}', {}, { timeoutMs: 5000 });
    expect(big).toMatchObject({ statusCode: 500 });
    expect(big.responseBody).toBe('x'.repeat(16));
    const slow = await sender.post(`${receiver.url}/slow`, '{}', {});
    expect(slow).toMatchObject({ statusCode: null, error: 'timed out after 300 ms' });
  });
});
