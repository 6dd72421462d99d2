import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { loadConfig } from '../../src/config/app-config';
import { loadConfigWithSecrets } from '../../src/config/vault-secrets';
import { SigningKeys } from '../../src/modules/auth/application/signing-keys';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { VaultClient, VaultError } from '../../src/shared/vault/vault-client';
import { FakeVault, startFakeVault } from '../fakes/fake-vault';
import { signUp, SignedUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

const ME = '/api/v1/auth/me';

describe('Vault: access tokens signed by Transit, secrets from KV v2', () => {
  const start = new Date('2026-03-01T12:00:00Z');
  const clock = new FixedClock(start);
  let vault: FakeVault;
  let t: TestApp;
  let owner: SignedUp;
  let env: Record<string, string>;

  const get = (token: string) => t.http.get(ME).set('Authorization', `Bearer ${token}`);
  const login = async () =>
    (
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: owner.email, password: owner.password })
        .expect(200)
    ).body.accessToken as string;
  const jwks = async () => (await t.http.get('/.well-known/jwks.json').expect(200)).body;
  const signedWith = () =>
    vault.requests.filter((r) => r.path.startsWith('/v1/transit/sign/')).map((r) => r.body.key_version);

  beforeAll(async () => {
    vault = await startFakeVault({ now: () => clock.now() });
    env = {
      SIGNING_BACKEND: 'vault',
      VAULT_ADDR: vault.url,
      VAULT_ROLE_ID: vault.roleId,
      VAULT_SECRET_ID: vault.secretId,
      VAULT_TRANSIT_KEY: 'access-tokens',
    };
    t = await startTestApp({ clock, env });
    owner = await signUp(t);
  });
  afterAll(async () => {
    await t?.close();
    await vault?.close();
  });
  afterEach(() => clock.set(start));

  it('creates an Ed25519 Transit key with an active and a next version, and signs through transit/sign', async () => {
    const key = vault.transit.get('access-tokens')!;
    expect(key.type).toBe('ed25519');
    expect(key.versions).toHaveLength(2);
    const token = await login();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'EdDSA', kid: 'access-tokens-v1' });
    expect(signedWith().at(-1)).toBe(1);
    await get(token).expect(200);
  });

  it('publishes the JWKS from the versions’ public keys; tokens verify against it alone', async () => {
    const set = await jwks();
    expect(set.keys.map((k: { kid: string }) => k.kid)).toEqual(['access-tokens-v1', 'access-tokens-v2']);
    const token = await login();
    const { payload } = await jwtVerify(token, createLocalJWKSet(set), {
      issuer: t.config.auth.issuer,
      audience: t.config.auth.audience,
      currentDate: clock.now(),
    });
    expect(payload.sub).toBe(owner.userId);
  });

  it('rotates through Transit: earlier tokens stay valid, new ones are signed by the promoted version', async () => {
    const keys = t.app.get(SigningKeys);
    const before = await login();
    clock.set(new Date(start.getTime() + 60_000));
    const rotation = await keys.rotate();
    expect(rotation).toMatchObject({
      activeKid: 'access-tokens-v2',
      retiredKid: 'access-tokens-v1',
      nextKid: 'access-tokens-v3',
      removed: [],
    });
    await get(before).expect(200);
    const after = await login();
    expect(decodeProtectedHeader(after).kid).toBe('access-tokens-v2');
    expect(signedWith().at(-1)).toBe(2);
    expect((await jwks()).keys.map((k: { kid: string }) => k.kid)).toEqual([
      'access-tokens-v1',
      'access-tokens-v2',
      'access-tokens-v3',
    ]);
    expect((await keys.list()).map((k) => [k.kid, k.status])).toEqual([
      ['access-tokens-v1', 'retired'],
      ['access-tokens-v2', 'active'],
      ['access-tokens-v3', 'next'],
    ]);

    // Removed once every token it signed has expired: min_decryption_version is raised in Vault.
    expect(await keys.prune()).toEqual([]);
    clock.set(new Date(start.getTime() + 18 * 60_000));
    expect(await keys.prune()).toEqual(['access-tokens-v1']);
    expect(vault.transit.get('access-tokens')!.minDecryptionVersion).toBe(2);
    clock.set(new Date(start.getTime() + 2 * 60_000));
    await get(before).expect(401);
    await get(after).expect(200);
    expect((await jwks()).keys.map((k: { kid: string }) => k.kid)).toEqual([
      'access-tokens-v2',
      'access-tokens-v3',
    ]);
  });

  it('never asks Vault for a private key', () => {
    expect(vault.requests.filter((r) => /export|backup/.test(r.path))).toEqual([]);
  });

  it('refuses to start with credentials Vault refuses', async () => {
    await expect(startTestApp({ env: { ...env, VAULT_SECRET_ID: 'wrong' } })).rejects.toThrow(
      /invalid role or secret ID/,
    );
    await expect(
      startTestApp({ env: { ...env, VAULT_ROLE_ID: '', VAULT_SECRET_ID: '', VAULT_TOKEN: 'hvs.nope' } }),
    ).rejects.toThrow(/permission denied/);
  });

  describe('refusals, as Vault answers them', () => {
    const client = (settings: { token?: string; roleId?: string; secretId?: string; namespace?: string }) =>
      new VaultClient({ addr: vault.url, timeoutMs: 2000, ...settings });
    const root = () => client({ token: vault.rootToken });
    const raw = async (method: string, path: string, token: string | null, body?: unknown) => {
      const res = await fetch(`${vault.url}/v1/${path}`, {
        method,
        headers: {
          ...(token ? { 'X-Vault-Token': token } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: await res.json() };
    };
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => {
          throw new Error('Vault accepted');
        },
        (e: VaultError) => ({ status: e.status, errors: e.errors }),
      );

    it('a missing or wrong token: 403 {"errors":["permission denied"]}', async () => {
      expect(await raw('GET', 'transit/keys/access-tokens', null)).toEqual({
        status: 403,
        body: { errors: ['permission denied'] },
      });
      expect(await raw('GET', 'transit/keys/access-tokens', 'hvs.wrong')).toEqual({
        status: 403,
        body: { errors: ['permission denied'] },
      });
      expect(await refusal(client({ token: 'hvs.wrong' }).read('secret/data/tollgate'))).toEqual({
        status: 403,
        errors: ['permission denied'],
      });
    });

    it('an AppRole login with a wrong secret_id: 400 "invalid role or secret ID"', async () => {
      expect(
        await raw('POST', 'auth/approle/login', null, { role_id: vault.roleId, secret_id: 'wrong' }),
      ).toEqual({ status: 400, body: { errors: ['invalid role or secret ID'] } });
      expect(
        await refusal(client({ roleId: vault.roleId, secretId: 'wrong' }).read('transit/keys/access-tokens')),
      ).toEqual({ status: 400, errors: ['invalid role or secret ID'] });
    });

    it('a missing Transit key or KV secret: 404 {"errors":[]}, read by the client as nothing there', async () => {
      expect(await raw('GET', 'transit/keys/nope', vault.rootToken)).toEqual({
        status: 404,
        body: { errors: [] },
      });
      expect(await raw('GET', 'secret/data/nothing/here', vault.rootToken)).toEqual({
        status: 404,
        body: { errors: [] },
      });
      expect(await root().read('transit/keys/nope')).toBeNull();
    });

    it("an unknown key to sign with, rotate or configure: 400 with Vault's message", async () => {
      expect(await refusal(root().write('transit/sign/nope', { input: 'aGk=' }))).toEqual({
        status: 400,
        errors: ['signing key not found'],
      });
      expect(await refusal(root().write('transit/keys/nope/rotate'))).toEqual({
        status: 400,
        errors: ['key not found'],
      });
      expect(await refusal(root().write('transit/keys/nope/config', { min_decryption_version: 1 }))).toEqual({
        status: 400,
        errors: ['no existing key named nope could be found'],
      });
    });

    it('a key type that does not sign: 400, and the app refuses to start on it', async () => {
      const created = await root().write<{ data: { type: string; supports_signing: boolean } }>(
        'transit/keys/symmetric',
      );
      expect(created!.data).toMatchObject({ type: 'aes256-gcm96', supports_signing: false });
      expect(await refusal(root().write('transit/sign/symmetric', { input: 'aGk=' }))).toEqual({
        status: 400,
        errors: ['key type aes256-gcm96 does not support signing'],
      });
      await expect(startTestApp({ env: { ...env, VAULT_TRANSIT_KEY: 'symmetric' } })).rejects.toThrow(
        /must be of type ed25519/,
      );
    });

    it('a signing version above the latest or archived, and input that is not base64: 400', async () => {
      await root().write('transit/keys/scratch', { type: 'ed25519' });
      await root().write('transit/keys/scratch/rotate');
      expect(await refusal(root().write('transit/sign/scratch', { input: 'aGk=', key_version: 3 }))).toEqual({
        status: 400,
        errors: ['requested version for signing is higher than the latest key version'],
      });
      await root().write('transit/keys/scratch/config', { min_decryption_version: 2 });
      expect(await refusal(root().write('transit/sign/scratch', { input: 'aGk=', key_version: 1 }))).toEqual({
        status: 400,
        errors: ['no such key version'],
      });
      const read = await root().read<{ data: { keys: Record<string, unknown>; latest_version: number } }>(
        'transit/keys/scratch',
      );
      expect(Object.keys(read!.data.keys)).toEqual(['2']);
      expect(read!.data.latest_version).toBe(2);
      expect(await refusal(root().write('transit/sign/scratch', { input: 'not base64!' }))).toMatchObject({
        status: 400,
        errors: [expect.stringMatching(/^unable to decode input: illegal base64 data/)],
      });
      const signed = await root().write<{ data: { signature: string; key_version: number } }>(
        'transit/sign/scratch',
        { input: 'aGk=' },
      );
      expect(signed!.data).toMatchObject({
        signature: expect.stringMatching(/^vault:v2:[A-Za-z0-9+/]+=*$/),
        key_version: 2,
      });
    });

    it('sends the namespace header when VAULT_NAMESPACE is set', async () => {
      await client({ token: vault.rootToken, namespace: 'team-a/' }).read('transit/keys/access-tokens');
      expect(vault.requests.at(-1)).toMatchObject({
        path: '/v1/transit/keys/access-tokens',
        namespace: 'team-a/',
      });
    });
  });

  describe('secrets from KV v2 at start', () => {
    const base = () => ({ VAULT_ADDR: vault.url, VAULT_TOKEN: vault.rootToken });

    it('takes configuration secrets from the KV secret in place of the environment', async () => {
      vault.kv.set('secret/tollgate', {
        STRIPE_SECRET_KEY: 'sk_test_from_vault',
        STRIPE_WEBHOOK_SECRET: 'whsec_from_vault_0123456789abcdef',
        AUTH_API_KEY_PEPPER: 'pepper-from-vault-0123456789',
        NOT_A_SETTING: 'ignored',
        VAULT_TOKEN: 'not taken from the secret',
      });
      const config = await loadConfigWithSecrets(
        { ...process.env, STRIPE_WEBHOOK_SECRET: 'whsec_from_env' },
        { ...base(), VAULT_KV_PATH: 'secret/tollgate' },
      );
      expect(config.billing.stripe.secretKey).toBe('sk_test_from_vault');
      expect(config.webhooks.stripeWebhookSecret).toBe('whsec_from_vault_0123456789abcdef');
      expect(config.auth.apiKeyPepper).toBe('pepper-from-vault-0123456789');
      expect(config.vault.token).toBe(vault.rootToken);
    });

    it('keeps the environment alone without VAULT_KV_PATH, and fails start on a missing secret or a bad token', async () => {
      const plain = await loadConfigWithSecrets({ ...process.env, STRIPE_WEBHOOK_SECRET: 'whsec_env' }, {});
      expect(plain.webhooks.stripeWebhookSecret).toBe('whsec_env');
      await expect(
        loadConfigWithSecrets(process.env, { ...base(), VAULT_KV_PATH: 'secret/nothing' }),
      ).rejects.toThrow(/no secret at secret\/nothing/);
      await expect(
        loadConfigWithSecrets(process.env, {
          ...base(),
          VAULT_TOKEN: 'hvs.bad',
          VAULT_KV_PATH: 'secret/tollgate',
        }),
      ).rejects.toThrow(/permission denied/);
      expect(() => loadConfig(process.env, { VAULT_KV_PATH: 'secret/x' })).toThrow(/VAULT_ADDR is required/);
    });
  });
});
