import * as argon2 from 'argon2';
import { createHash, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigner, httpbis } from 'http-message-signatures';
import { signUp, SignedUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Requests signed with RFC 9421 HTTP Message Signatures by the http-message-signatures client library,
 * verified by Tollgate's own implementation; two app instances share Postgres and Redis.
 */
describe('signed service requests (RFC 9421) with replay protection', () => {
  let a: TestApp;
  let b: TestApp;
  let org: SignedUp;
  let privateKey: KeyObject;
  let keyId: string;
  const secret = 'sk_test_signing_client_secret';

  beforeAll(async () => {
    const setup = await startTestApp();
    org = await signUp(setup);
    await setup.close();
    const hash = await argon2.hash(secret, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-httpsig-'));
    const file = join(dir, 'service-accounts.yaml');
    writeFileSync(
      file,
      `serviceAccounts:
  - name: signer
    clientId: sa_signer
    clientSecretHash: '${hash}'
    scopes: [customers:read, customers:write]
    tenants: ['${org.tenantId}']
`,
    );
    [a, b] = await Promise.all([
      startTestApp({ env: { AUTH_SERVICE_ACCOUNTS_FILE: file } }),
      startTestApp({ env: { AUTH_SERVICE_ACCOUNTS_FILE: file } }),
    ]);
    const token = (
      await a.http
        .post('/api/v1/auth/token')
        .send({ grant_type: 'client_credentials', client_id: 'sa_signer', client_secret: secret })
        .expect(200)
    ).body.access_token;
    const pair = generateKeyPairSync('ed25519');
    privateKey = pair.privateKey;
    const registered = await a.http
      .post('/api/v1/auth/service-account-keys')
      .set('Authorization', `Bearer ${token}`)
      .send({ publicKeyJwk: pair.publicKey.export({ format: 'jwk' }) })
      .expect(201);
    keyId = registered.body.keyId;
    expect(registered.body).toMatchObject({ serviceAccount: 'signer', publicKeyJwk: { crv: 'Ed25519' } });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  const digest = (body: string) => `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;

  /** Signs like a client would: @method, @path, content-digest; created, nonce, keyid, alg. */
  async function sign(
    method: string,
    path: string,
    body = '',
    opts: { created?: Date; nonce?: string; key?: string; fields?: string[] } = {},
  ): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'content-digest': digest(body),
      'x-organization-id': org.tenantId,
    };
    if (body) headers['content-type'] = 'application/json';
    const signed = await httpbis.signMessage(
      {
        key: createSigner(privateKey, 'ed25519', opts.key ?? keyId),
        fields: opts.fields ?? ['@method', '@path', 'content-digest'],
        params: ['created', 'nonce', 'keyid', 'alg'],
        paramValues: { created: opts.created ?? new Date(), nonce: opts.nonce ?? randomUUID() },
      },
      { method, url: `http://127.0.0.1${path}`, headers },
    );
    return signed.headers as Record<string, string>;
  }

  const send = (
    app: TestApp,
    method: 'get' | 'post',
    path: string,
    headers: Record<string, string>,
    body?: string,
  ) => {
    const req = app.http[method](path).set(headers);
    return body === undefined ? req : req.send(body);
  };

  it('accepts a valid signature on a GET and on a POST with a body', async () => {
    const me = await send(a, 'get', '/api/v1/auth/me', await sign('GET', '/api/v1/auth/me')).expect(200);
    expect(me.body).toMatchObject({ kind: 'service_account', id: 'signer', tenantId: org.tenantId });
    const body = JSON.stringify({ name: 'Signed Co', currency: 'USD' });
    const created = await send(
      a,
      'post',
      '/api/v1/customers',
      await sign('POST', '/api/v1/customers', body),
      body,
    ).expect(201);
    expect(created.body.name).toBe('Signed Co');
  });

  it('refuses a tampered body (the digest no longer matches)', async () => {
    const body = JSON.stringify({ name: 'Signed Co', currency: 'USD' });
    const headers = await sign('POST', '/api/v1/customers', body);
    const res = await send(a, 'post', '/api/v1/customers', headers, body.replace('Signed', 'Forged')).expect(
      401,
    );
    expect(res.body.code).toBe('content_digest_mismatch');
  });

  it('refuses a tampered path (the signature no longer verifies)', async () => {
    const headers = await sign('GET', '/api/v1/customers');
    const res = await send(a, 'get', '/api/v1/auth/me', headers).expect(401);
    expect(res.body.code).toBe('invalid_signature');
  });

  it('refuses a nonce replayed on a second instance', async () => {
    const headers = await sign('GET', '/api/v1/auth/me');
    await send(a, 'get', '/api/v1/auth/me', headers).expect(200);
    const replay = await send(b, 'get', '/api/v1/auth/me', headers).expect(401);
    expect(replay.body.code).toBe('replayed_nonce');
  });

  it('refuses a stale created time, before and after the window', async () => {
    for (const created of [new Date(Date.now() - 6 * 60_000), new Date(Date.now() + 6 * 60_000)]) {
      const res = await send(
        a,
        'get',
        '/api/v1/auth/me',
        await sign('GET', '/api/v1/auth/me', '', { created }),
      ).expect(401);
      expect(res.body.code).toBe('stale_signature');
    }
  });

  it('refuses an unknown key', async () => {
    const res = await send(
      a,
      'get',
      '/api/v1/auth/me',
      await sign('GET', '/api/v1/auth/me', '', { key: 'nobody' }),
    ).expect(401);
    expect(res.body.code).toBe('unknown_key');
  });

  it('refuses a signature that does not cover the required components', async () => {
    const headers = await sign('GET', '/api/v1/auth/me', '', { fields: ['@method', '@path'] });
    const res = await send(a, 'get', '/api/v1/auth/me', headers).expect(401);
    expect(res.body.code).toBe('insufficient_signature');
    const garbled = await send(a, 'get', '/api/v1/auth/me', {
      ...headers,
      'signature-input': 'sig1=(((',
    }).expect(401);
    expect(garbled.body.code).toBe('malformed_signature');
  });

  it('refuses another organization, and keys that are not Ed25519 or not from a service account', async () => {
    const headers = await sign('GET', '/api/v1/customers');
    await send(a, 'get', '/api/v1/customers', { ...headers, 'x-organization-id': randomUUID() }).expect(404);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    await a.http
      .post('/api/v1/auth/service-account-keys')
      .set(await sign('POST', '/api/v1/auth/service-account-keys', JSON.stringify({ publicKeyJwk: rsa })))
      .send(JSON.stringify({ publicKeyJwk: rsa }))
      .expect(400);
    await org.auth(a.http.post('/api/v1/auth/service-account-keys')).send({ publicKeyPem: 'x' }).expect(403);
  });
});
