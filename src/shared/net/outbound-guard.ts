import { lookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch, RequestInit, Response } from 'undici';

/** Resolves a host name to every address it has (the system resolver by default). */
export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface OutboundPolicy {
  /** Development and tests only: loopback and private addresses, any port. */
  allowPrivate: boolean;
  /** Ports a public URL may use. */
  allowedPorts: readonly number[];
}

/** A URL or address the guard will not call; `message` says why. */
export class OutboundRefusedError extends Error {}

const v4 = (bytes: number[]) => new ipaddr.IPv4(bytes.slice(-4));

/** The IPv4 address an IPv6 form carries (mapped, compatible, NAT64, 6to4), or null. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const b = ip.toByteArray();
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(b); // ::ffff:a.b.c.d
  if (zeros(0, 12)) return v4(b); // ::a.b.c.d (deprecated IPv4-compatible)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return v4(b); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return new ipaddr.IPv4(b.slice(2, 6)); // 2002::/16 (6to4)
  return null;
}

/**
 * Why an address may not be called, or null when it is public unicast. The classification is
 * ipaddr.js' `range()`, applied to the IPv4 address inside IPv6 forms that carry one.
 */
export function refusedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.parse(address);
  const inner = ip.kind() === 'ipv6' ? embeddedIPv4(ip as ipaddr.IPv6) : null;
  const range = (inner ?? ip).range();
  if (range === 'unicast') return null;
  return `${address} is not a public address (${inner ? `${inner.toString()}: ` : ''}${range})`;
}

const DEFAULT_PORT: Record<string, number> = { 'http:': 80, 'https:': 443 };

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * The one gate for calls to URLs that tenants or models choose (outbound webhooks, outcome verification,
 * the http_get tool). A URL passes when it is http(s) without credentials, on an allowed port, and
 * every address its host resolves to is public unicast. The connection is made to the addresses that
 * were checked: the HTTP agent's DNS lookup is this check, so a host that re-resolves (DNS rebinding)
 * cannot switch to a private address in between. Redirects are never followed.
 */
export class OutboundGuard {
  private readonly dispatcher: Agent;

  constructor(
    private readonly policy: OutboundPolicy,
    private readonly resolve: Resolve = systemResolve,
  ) {
    this.dispatcher = new Agent({ connect: { lookup: this.pinnedLookup as never } });
  }

  /** Why this URL may not be called, or null. Used when a URL is saved and again on every call. */
  async check(raw: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'not a valid URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs are allowed';
    if (url.username || url.password) return 'URLs with credentials are not allowed';
    if (this.policy.allowPrivate) return null;
    const port = url.port ? Number(url.port) : DEFAULT_PORT[url.protocol];
    if (!this.policy.allowedPorts.includes(port)) return `port ${port} is not allowed`;
    try {
      await this.publicAddresses(url.hostname.replace(/^\[|\]$/g, ''));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** fetch through the guard: refused URLs throw OutboundRefusedError before any connection. */
  async fetch(url: string, init: Omit<RequestInit, 'dispatcher' | 'redirect'> = {}): Promise<Response> {
    const refused = await this.check(url);
    if (refused) throw new OutboundRefusedError(refused);
    try {
      return await fetch(url, { ...init, redirect: 'manual', dispatcher: this.dispatcher });
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      throw cause instanceof OutboundRefusedError ? cause : error;
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private async publicAddresses(host: string): Promise<string[]> {
    const addresses = isIP(host) ? [host] : await this.resolve(host).catch(() => []);
    if (!addresses.length) throw new OutboundRefusedError(`cannot resolve ${host}`);
    if (this.policy.allowPrivate) return addresses;
    for (const address of addresses) {
      const why = refusedAddress(address);
      if (why) throw new OutboundRefusedError(`${host} resolves to a refused address: ${why}`);
    }
    return addresses;
  }

  /** net.connect's lookup: answers only with addresses that passed the check. */
  private readonly pinnedLookup = (
    hostname: string,
    options: { all?: boolean },
    callback: LookupCallback,
  ): void => {
    this.publicAddresses(hostname).then(
      (addresses) => {
        const entries = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) callback(null, entries);
        else callback(null, entries[0].address, entries[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, options.all ? [] : ''),
    );
  };
}
