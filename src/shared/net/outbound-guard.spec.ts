import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OutboundGuard, OutboundRefusedError, refusedAddress } from './outbound-guard';

describe('refusedAddress', () => {
  it.each([
    ['NAT64 of the metadata address', '64:ff9b::a9fe:a9fe'],
    ['NAT64 of loopback', '64:ff9b::7f00:1'],
    ['6to4 of loopback', '2002:7f00:1::'],
    ['6to4 of the metadata address', '2002:a9fe:a9fe::1'],
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['IPv4-mapped private', '::ffff:192.168.0.1'],
    ['benchmarking', '198.18.0.1'],
    ['reserved 240/4', '240.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['site-local', 'fec0::1'],
    ['unique local', 'fc00::1'],
    ['link local', 'fe80::1'],
    ['loopback', '127.0.0.1'],
    ['IPv6 loopback', '::1'],
    ['unspecified', '0.0.0.0'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['metadata', '169.254.169.254'],
    ['private', '10.1.2.3'],
    ['teredo', '2001::1'],
    ['local-use NAT64', '64:ff9b:1::a9fe:a9fe'],
    ['documentation', '2001:db8::1'],
    ['multicast', 'ff02::1'],
  ])('refuses %s (%s)', (_name, address) => {
    expect(refusedAddress(address)).toMatch(/not a public address/);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '64:ff9b::808:808', '::ffff:8.8.8.8'])(
    'accepts public unicast %s',
    (address) => expect(refusedAddress(address)).toBeNull(),
  );
});

describe('OutboundGuard', () => {
  const strict = (resolve: (host: string) => Promise<string[]>, allowedPorts = [80, 443]) =>
    new OutboundGuard({ allowPrivate: false, allowedPorts }, resolve);
  const publicDns = async () => ['93.184.216.34'];

  it('refuses schemes, credentials, ports and hosts resolving to any non-public address', async () => {
    const guard = strict(async (host) =>
      host === 'mixed.test' ? ['93.184.216.34', '10.0.0.1'] : ['127.0.0.1'],
    );
    expect(await guard.check('ftp://example.com/')).toMatch(/only http and https/);
    expect(await guard.check('https://u:p@example.com/')).toMatch(/credentials/);
    expect(await strict(publicDns).check('http://example.com:8080/')).toMatch(/port 8080/);
    expect(await strict(publicDns).check('https://example.com/')).toBeNull();
    expect(await guard.check('http://mixed.test/')).toMatch(/10\.0\.0\.1/);
    expect(await guard.check('http://localhost/')).toMatch(/127\.0\.0\.1/);
    for (const url of [
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[2002:7f00:1::]/',
      'http://[::127.0.0.1]/',
      'http://198.18.0.1/',
      'http://240.0.0.1/',
      'http://255.255.255.255/',
      'http://[fec0::1]/',
      'http://2130706433/', // 127.0.0.1 in decimal; the URL parser normalises it
      'http://0x7f.1/',
    ])
      expect(await guard.check(url)).toMatch(/not a public address/);
  });

  describe('on a live server', () => {
    let server: Server;
    let port: number;
    let hits = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits++;
        if (req.url === '/redirect') res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
        else res.end('ok');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('connects to the address it checked: a host that re-resolves to loopback is refused at connect', async () => {
      let calls = 0;
      // Public when the URL is checked, loopback when the connection is made (DNS rebinding).
      const guard = strict(async () => (++calls === 1 ? ['93.184.216.34'] : ['127.0.0.1']), [port]);
      expect(await guard.check(`http://rebind.test:${port}/`)).toBeNull();
      await expect(guard.fetch(`http://rebind.test:${port}/`)).rejects.toBeInstanceOf(OutboundRefusedError);
      expect(hits).toBe(0);
      await guard.close();
    });

    it('with the development setting reaches loopback, and never follows a redirect', async () => {
      const guard = new OutboundGuard({ allowPrivate: true, allowedPorts: [] }, async () => ['127.0.0.1']);
      const res = await guard.fetch(`http://localhost:${port}/redirect`);
      expect(res.status).toBe(302);
      expect(hits).toBe(1);
      await guard.close();
    });
  });
});
