import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'stall';

const DEFAULT_PORTS: Record<string, number> = {
  'postgres:': 5432,
  'postgresql:': 5432,
  'redis:': 6379,
  'http:': 80,
  'https:': 443,
};

interface Link {
  client: Socket;
  upstream: Socket;
  /** Bytes held while stalled, per direction, in arrival order. */
  toUpstream: Buffer[];
  toClient: Buffer[];
}

/**
 * A TCP proxy the tests control (the Toxiproxy pattern) between the app and Postgres, Redis or the model
 * provider:
 *   pass()    forward bytes both ways (held bytes are delivered, in order);
 *   refuse()  the service is down: open connections are reset and new ones refused;
 *   stall()   the service is frozen: connections stay open and new ones are accepted, but no byte moves;
 *   cut()     a network blip: open connections are reset once, new ones pass.
 */
export class FaultProxy {
  private mode: ProxyMode = 'pass';
  private readonly links = new Set<Link>();
  /** Connections accepted so far (lets a test wait until the app is connected through the proxy). */
  connections = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
    /** The service's URL with its host and port replaced by the proxy's: hand it to the app instead. */
    readonly url: string,
  ) {}

  /** A proxy, listening on a free loopback port, to the service `serviceUrl` names (see `url`). */
  static async inFrontOf(serviceUrl: string): Promise<FaultProxy> {
    const u = new URL(serviceUrl);
    const port = Number(u.port || DEFAULT_PORTS[u.protocol]);
    if (!port) throw new Error(`a ${u.protocol} URL without a port, and no default port known for it`);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const through = new URL(serviceUrl);
    through.hostname = '127.0.0.1';
    through.port = String((server.address() as AddressInfo).port);
    // URL adds a root path to http URLs; keep the URL as it was written otherwise.
    const url = serviceUrl.endsWith('/') ? through.toString() : through.toString().replace(/\/$/, '');
    const proxy = new FaultProxy(server, { host: u.hostname, port }, url);
    server.on('connection', (socket) => proxy.accept(socket));
    return proxy;
  }

  pass(): void {
    this.mode = 'pass';
    for (const link of this.links) {
      for (const b of link.toUpstream.splice(0)) link.upstream.write(b);
      for (const b of link.toClient.splice(0)) link.client.write(b);
    }
  }

  refuse(): void {
    this.mode = 'refuse';
    this.resetAll();
  }

  stall(): void {
    this.mode = 'stall';
  }

  cut(): void {
    this.resetAll();
  }

  async close(): Promise<void> {
    // A plain destroy, not a reset: a reset of a socket its peer has already closed leaves a request that
    // never completes, and Node's exit then spins in its handle cleanup (jest's worker never exits).
    for (const link of this.links) this.drop(link, 'destroy');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private resetAll(): void {
    for (const link of this.links) this.drop(link);
  }

  private drop(link: Link, how: 'resetAndDestroy' | 'destroy' = 'resetAndDestroy'): void {
    this.links.delete(link);
    link.client[how]();
    link.upstream[how]();
  }

  private accept(client: Socket): void {
    this.connections++;
    if (this.mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = new Socket();
    const link: Link = { client, upstream, toUpstream: [], toClient: [] };
    this.links.add(link);
    upstream.connect(this.target.port, this.target.host);
    const forward = (to: Socket, held: Buffer[]) => (bytes: Buffer) => {
      if (this.mode === 'stall' || held.length) held.push(bytes);
      else to.write(bytes);
    };
    client.on('data', forward(upstream, link.toUpstream));
    upstream.on('data', forward(client, link.toClient));
    const end = () => {
      if (!this.links.delete(link)) return;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  }
}
