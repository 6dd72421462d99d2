import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateKeyPairSync, KeyObject, randomBytes, randomUUID, sign } from 'node:crypto';

/**
 * A HashiCorp Vault stand-in implementing the subset Tollgate uses, with Vault's paths, JSON shapes and
 * refusals. It follows these pages of Vault's documentation (developer.hashicorp.com, sources in
 * hashicorp/vault website/content/api-docs/):
 * - "HTTP API" (/vault/api-docs): `/v1/` prefix, the `X-Vault-Token` header, `X-Vault-Namespace`, errors
 *   as `{"errors": [...]}` for every status >= 400, 200 with data / 204 without, 400 invalid request,
 *   403 forbidden, 404 invalid path or nothing there (`{"errors":[]}`).
 * - "Transit - Secrets Engines - HTTP API" (/vault/api-docs/secret/transit): Create Key
 *   `POST /transit/keys/:name` (`type`, default aes256-gcm96), Read Key `GET /transit/keys/:name`
 *   (`keys` as version -> {creation_time, name, public_key} for asymmetric types, version -> Unix seconds
 *   for symmetric ones; `latest_version`, `min_decryption_version`, `supports_signing`...), Update Key
 *   Configuration `POST /transit/keys/:name/config`, Rotate Key `POST /transit/keys/:name/rotate`, Sign Data
 *   `POST /transit/sign/:name` (`input` base64, `key_version`; answers `signature` "vault:v<N>:<base64>" and
 *   `key_version`).
 * - "KV - Secrets Engines - HTTP API" for KV v2 (/vault/api-docs/secret/kv/kv-v2): Read Secret Version
 *   `GET /:mount/data/:path` answering `data.data` and `data.metadata`.
 * - "AppRole - Auth Methods - HTTP API" (/vault/api-docs/auth/approle): Login with AppRole
 *   `POST /auth/approle/login` {role_id, secret_id} answering `auth.client_token`.
 * Where the pages are silent the behaviour and messages follow Vault's source (builtin/logical/transit
 * path_keys.go, path_keys_config.go, path_rotate.go, path_sign_verify.go; sdk/helper/keysutil/policy.go;
 * builtin/credential/approle/path_login.go): since Vault 1.14 writes to keys, config and rotate answer 200
 * with the key; versions below min_decryption_version are archived (left out of `keys`, not signable).
 *
 * Refusals, as Vault answers them:
 * - a missing or unknown X-Vault-Token (every call but the AppRole login): 403 {"errors":["permission denied"]};
 * - AppRole login with a wrong role_id or secret_id: 400 {"errors":["invalid role or secret ID"]};
 * - reading a missing Transit key or KV secret, or an unknown path: 404 {"errors":[]};
 * - sign with an unknown key: 400 "signing key not found"; with a key type that cannot sign: 400 "key type
 *   aes256-gcm96 does not support signing"; with a version above the latest, negative, or archived: 400;
 * - rotate an unknown key: 400 "key not found"; configure one: 400 "no existing key named <name> could be
 *   found"; an unknown key type on create: 400 "unknown key type <type>".
 * Transit keys are non-exportable: no endpoint returns a private key. Only ed25519 and the symmetric types
 * (aes128-gcm96, aes256-gcm96, chacha20-poly1305) can be created here; other types Vault knows (ecdsa-*,
 * rsa-*) answer 400 "unknown key type" in this fake.
 */
const SYMMETRIC = new Set(['aes128-gcm96', 'aes256-gcm96', 'chacha20-poly1305']);

interface TransitVersion {
  /** Ed25519 keys only: symmetric versions carry no material here (they are never used to sign). */
  privateKey?: KeyObject;
  publicKey?: string;
  creationTime: string;
}

interface TransitKey {
  type: string;
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
  requests: Array<{ method: string; path: string; body: any; namespace?: string }>;
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

const envelope = (data: unknown, warnings: string[] | null = null) => ({
  request_id: randomUUID(),
  lease_id: '',
  renewable: false,
  lease_duration: 0,
  data,
  wrap_info: null,
  warnings,
  auth: null,
});

function newVersion(type: string, now: Date): TransitVersion {
  if (type !== 'ed25519') return { creationTime: now.toISOString() };
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return {
    privateKey,
    publicKey: Buffer.from(x, 'base64url').toString('base64'),
    creationTime: now.toISOString(),
  };
}

/** Read Key's `data`: archived versions (below min_decryption_version) are not listed. */
function keyData(name: string, key: TransitKey) {
  const symmetric = SYMMETRIC.has(key.type);
  const listed = key.versions
    .map((v, i) => [i + 1, v] as const)
    .filter(([version]) => version >= key.minDecryptionVersion);
  return {
    name,
    type: key.type,
    deletion_allowed: false,
    derived: false,
    exportable: false,
    allow_plaintext_backup: false,
    keys: Object.fromEntries(
      listed.map(([version, v]) => [
        String(version),
        symmetric
          ? Math.floor(Date.parse(v.creationTime) / 1000)
          : {
              certificate_chain: '',
              creation_time: v.creationTime,
              name: 'ed25519',
              public_key: v.publicKey,
            },
      ]),
    ),
    latest_version: key.versions.length,
    min_available_version: 0,
    min_decryption_version: key.minDecryptionVersion,
    min_encryption_version: 0,
    auto_rotate_period: 0,
    imported_key: false,
    supports_encryption: symmetric,
    supports_decryption: symmetric,
    supports_derivation: true,
    supports_signing: !symmetric,
  };
}

/** Go's base64.StdEncoding: padded, standard alphabet; the error names the first bad byte. */
function decodeBase64(input: string): Buffer | string {
  const bad = input.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) return `illegal base64 data at input byte ${bad}`;
  if (input.length % 4 !== 0 || /=[^=]/.test(input))
    return `illegal base64 data at input byte ${Math.max(0, input.length - (input.length % 4 || 4))}`;
  return Buffer.from(input, 'base64');
}

export async function startFakeVault(opts: { now?: () => Date } = {}): Promise<FakeVault> {
  const state = {
    rootToken: `hvs.${randomBytes(12).toString('hex')}`,
    roleId: randomUUID(),
    secretId: randomUUID(),
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
        return errors(res, 400, 'error parsing JSON');
      }
    }
    const namespace = req.headers['x-vault-namespace'];
    state.requests.push({
      method: req.method ?? '',
      path,
      body,
      ...(typeof namespace === 'string' ? { namespace } : {}),
    });

    if (req.method === 'POST' && path === '/v1/auth/approle/login') {
      if (body.role_id !== state.roleId || body.secret_id !== state.secretId)
        return errors(res, 400, 'invalid role or secret ID');
      const token = `hvs.${randomBytes(12).toString('hex')}`;
      state.tokens.add(token);
      return send(res, 200, {
        ...envelope(null),
        auth: {
          client_token: token,
          accessor: randomUUID(),
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
      if (req.method === 'POST' || req.method === 'PUT') {
        if (key) return send(res, 200, envelope(keyData(name, key), [`key ${name} already existed`]));
        const type = body.type || 'aes256-gcm96';
        if (type !== 'ed25519' && !SYMMETRIC.has(type)) return errors(res, 400, `unknown key type ${type}`);
        const created = { type, versions: [newVersion(type, state.now())], minDecryptionVersion: 1 };
        state.transit.set(name, created);
        return send(res, 200, envelope(keyData(name, created)));
      }
      return errors(res, 405, 'unsupported operation');
    }
    m = /^\/v1\/transit\/keys\/([^/]+)\/(rotate|config)$/.exec(path);
    if (m && (req.method === 'POST' || req.method === 'PUT')) {
      const name = decodeURIComponent(m[1]);
      const key = state.transit.get(name);
      if (m[2] === 'rotate') {
        if (!key) return errors(res, 400, 'key not found');
        key.versions.push(newVersion(key.type, state.now()));
        return send(res, 200, envelope(keyData(name, key)));
      }
      if (!key) return errors(res, 400, `no existing key named ${name} could be found`);
      const warnings: string[] = [];
      let min = body.min_decryption_version;
      if (min !== undefined) {
        if (!Number.isInteger(min)) return errors(res, 400, 'min_decryption_version must be an integer');
        if (min < 0) return errors(res, 400, 'min decryption version cannot be negative');
        if (min === 0) {
          min = 1;
          warnings.push('since Vault 0.3, transit key numbering starts at 1; forcing minimum to 1');
        }
        if (min > key.versions.length)
          return errors(
            res,
            400,
            `cannot set min decryption version of ${min}, latest key version is ${key.versions.length}`,
          );
        key.minDecryptionVersion = min;
      }
      return send(res, 200, envelope(keyData(name, key), warnings.length ? warnings : null));
    }
    m = /^\/v1\/transit\/sign\/([^/]+)$/.exec(path);
    if (m && (req.method === 'POST' || req.method === 'PUT')) {
      const key = state.transit.get(decodeURIComponent(m[1]));
      if (!key) return errors(res, 400, 'signing key not found');
      if (key.type !== 'ed25519') return errors(res, 400, `key type ${key.type} does not support signing`);
      const input = decodeBase64(typeof body.input === 'string' ? body.input : '');
      if (typeof input === 'string') return errors(res, 400, `unable to decode input: ${input}`);
      const requested = body.key_version ?? 0;
      if (!Number.isInteger(requested)) return errors(res, 400, 'key_version must be an integer');
      if (requested < 0) return errors(res, 400, 'requested version for signing is negative');
      if (requested > key.versions.length)
        return errors(res, 400, 'requested version for signing is higher than the latest key version');
      const version = requested || key.versions.length;
      if (version < key.minDecryptionVersion) return errors(res, 400, 'no such key version');
      const signature = sign(null, input, key.versions[version - 1].privateKey!);
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
