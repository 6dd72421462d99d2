import { OutboundGuard } from '../../../shared/net/outbound-guard';
import { HttpGetTool } from './builtin-tools';

describe('http_get', () => {
  const guard = new OutboundGuard({ allowPrivate: false, allowedPorts: [80, 443] }, async (host) =>
    host === 'rebound.example' ? ['127.0.0.1'] : ['93.184.216.34'],
  );
  const tool = new HttpGetTool(
    {
      httpAllowlist: ['rebound.example', '[64:ff9b::a9fe:a9fe]', '169.254.169.254'],
      httpTimeoutMs: 1000,
      httpMaxBytes: 1024,
    } as never,
    guard,
  );
  afterAll(() => guard.close());

  it.each(['http://rebound.example/', 'http://[64:ff9b::a9fe:a9fe]/', 'http://169.254.169.254/latest/'])(
    'refuses %s even when its host is allow-listed, since it is not a public address',
    async (url) => {
      await expect(tool.execute({ url }, {})).rejects.toMatchObject({
        code: 'host_not_allowed',
        message: expect.stringMatching(/not a public address/),
      });
    },
  );

  it('refuses hosts outside the allow-list before resolving anything', async () => {
    await expect(tool.execute({ url: 'http://elsewhere.example/' }, {})).rejects.toMatchObject({
      code: 'host_not_allowed',
    });
  });
});
