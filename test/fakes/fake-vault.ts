import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';

/**
 * A HashiCorp Vault stand-in implementing the subset Tollgate uses, with Vault's paths, JSON shapes and
 * refusals (HTTP API docs: auth/approle/login, transit keys/sign/rotate/config, KV v2 read):
 * - every call but the AppRole login needs a valid X-Vault-Token, else 403 {"errors":["permission denied"]};
 * - missing things answer 404 {"errors":[]}; bad input 400 {"errors":["..."]};
 * - Transit keys are non-exportable: no endpoint returns a private key.
 */
interface TransitVersion {
  privateKey: KeyObject;
  publicKey: string;
  creationTime: string;
}

interface TransitKey {
  type: 'ed25519';
  versions: TransitVersion[];
  minDecryptionVersion: number;
}

export interface FakeVault {
  url: string;
  rootToken: string;
  roleId: string;
  secretId: string;
  transit: Map<string, TransitKey>;
  kv: Map<string, Record<string, unknown>>;
  /** Requests received, for assertions ("which key_version signed"). */
  requests: Array<{ method: string; path: string; body: any }>;
  /** The instant new key versions are stamped with (tests move it with their clock). */
  now: () => Date;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body?: unknown) => {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
};
const errors = (res: ServerResponse, status: number, ...messages: string[]) =>
  send(res, status, { errors: messages });

const envelope = (data: unknown) => ({
  request_id: randomBytes(8).toString('hex'),
  lease_id: '',
  renewable: false,
  lease_duration: 0,
  data,
  wrap_info: null,
  warnings: null,
  auth: null,
});

function newVersion(now: Date): TransitVersion {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return {
    privateKey,
    publicKey: Buffer.from(x, 'base64url').toString('base64'),
    creationTime: now.toISOString(),
  };
}

function keyData(name: string, key: TransitKey) {
  return {
    name,
    type: key.type,
    deletion_allowed: false,
    derived: false,
    exportable: false,
    allow_plaintext_backup: false,
    keys: Object.fromEntries(
      key.versions.map((v, i) => [
        String(i + 1),
        { creation_time: v.creationTime, name: 'ed25519', public_key: v.publicKey },
      ]),
    ),
    latest_version: key.versions.length,
    min_available_version: 0,
    min_decryption_version: key.minDecryptionVersion,
    min_encryption_version: 0,
    supports_encryption: false,
    supports_decryption: false,
    supports_derivation: true,
    supports_signing: true,
  };
}

export async function startFakeVault(opts: { now?: () => Date } = {}): Promise<FakeVault> {
  const state = {
    rootToken: `hvs.${randomBytes(12).toString('hex')}`,
    roleId: randomBytes(8).toString('hex'),
    secretId: randomBytes(8).toString('hex'),
    tokens: new Set<string>(),
    transit: new Map<string, TransitKey>(),
    kv: new Map<string, Record<string, unknown>>(),
    requests: [] as FakeVault['requests'],
    now: opts.now ?? (() => new Date()),
  };
  state.tokens.add(state.rootToken);

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://vault');
    const path = url.pathname;
    let body: any = {};
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return errors(res, 400, 'failed to parse JSON input');
      }
    }
    state.requests.push({ method: req.method ?? '', path, body });

    if (req.method === 'POST' && path === '/v1/auth/approle/login') {
      if (body.role_id !== state.roleId || body.secret_id !== state.secretId)
        return errors(res, 400, 'invalid role or secret ID');
      const token = `hvs.${randomBytes(12).toString('hex')}`;
      state.tokens.add(token);
      return send(res, 200, {
        ...envelope(null),
        auth: {
          client_token: token,
          accessor: randomBytes(8).toString('hex'),
          policies: ['default', 'tollgate'],
          token_policies: ['default', 'tollgate'],
          metadata: { role_name: 'tollgate' },
          lease_duration: 3600,
          renewable: true,
        },
      });
    }
    const token = req.headers['x-vault-token'];
    if (typeof token !== 'string' || !state.tokens.has(token)) return errors(res, 403, 'permission denied');

    let m = /^\/v1\/transit\/keys\/([^/]+)$/.exec(path);
    if (m) {
      const name = decodeURIComponent(m[1]);
      const key = state.transit.get(name);
      if (req.method === 'GET') return key ? send(res, 200, envelope(keyData(name, key))) : errors(res, 404);
      if (req.method === 'POST') {
        const type = body.type ?? 'aes256-gcm96';
        if (type !== 'ed25519') return errors(res, 400, `unknown key type: ${type}`);
        if (!key)
          state.transit.set(name, {
            type: 'ed25519',
            versions: [newVersion(state.now())],
            minDecryptionVersion: 1,
          });
        return send(res, 204);
      }
    }
    m = /^\/v1\/transit\/keys\/([^/]+)\/(rotate|config)$/.exec(path);
    if (m && req.method === 'POST') {
      const key = state.transit.get(decodeURIComponent(m[1]));
      if (!key) return errors(res, 400, 'key not found');
      if (m[2] === 'rotate') {
        key.versions.push(newVersion(state.now()));
        return send(res, 204);
      }
      const min = body.min_decryption_version;
      if (min !== undefined) {
        if (!Number.isInteger(min) || min < 1)
          return errors(res, 400, 'min decryption version must be at least 1');
        if (min > key.versions.length)
          return errors(
            res,
            400,
            `cannot set min decryption version of ${min}, latest key version is ${key.versions.length}`,
          );
        key.minDecryptionVersion = min;
      }
      return send(res, 204);
    }
    m = /^\/v1\/transit\/sign\/([^/]+)$/.exec(path);
    if (m && req.method === 'POST') {
      const key = state.transit.get(decodeURIComponent(m[1]));
      if (!key) return errors(res, 400, 'signing key not found');
      if (typeof body.input !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body.input))
        return errors(res, 400, 'unable to decode input as base64: illegal base64 data');
      const version = body.key_version ?? key.versions.length;
      if (version > key.versions.length)
        return errors(res, 400, 'requested version for signing is higher than the latest key version');
      if (version < key.minDecryptionVersion)
        return errors(res, 400, 'requested version for signing is too old');
      const signature = sign(null, Buffer.from(body.input, 'base64'), key.versions[version - 1].privateKey);
      return send(
        res,
        200,
        envelope({ signature: `vault:v${version}:${signature.toString('base64')}`, key_version: version }),
      );
    }
    m = /^\/v1\/([^/]+)\/data\/(.+)$/.exec(path);
    if (m && req.method === 'GET') {
      const secret = state.kv.get(`${m[1]}/${m[2]}`);
      if (!secret) return errors(res, 404);
      return send(
        res,
        200,
        envelope({
          data: secret,
          metadata: {
            created_time: new Date().toISOString(),
            custom_metadata: null,
            deletion_time: '',
            destroyed: false,
            version: 1,
          },
        }),
      );
    }
    return errors(res, 404);
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rootToken: state.rootToken,
    roleId: state.roleId,
    secretId: state.secretId,
    transit: state.transit,
    kv: state.kv,
    requests: state.requests,
    now: state.now,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
