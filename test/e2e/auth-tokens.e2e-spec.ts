import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { base64url, decodeProtectedHeader, SignJWT } from 'jose';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { SigningKeys } from '../../src/modules/auth/application/signing-keys';
import { TokenService } from '../../src/modules/auth/application/token-service';
import { startTestApp, TestApp } from '../support/test-app';
import { isolatedEnv, signUp, SignedUp } from '../support/auth';

const ME = '/api/v1/auth/me';

describe('access tokens: signature, algorithm, kid, expiry and key rotation', () => {
  const start = new Date('2026-03-01T12:00:00Z');
  const clock = new FixedClock(start);
  let t: TestApp;
  let drop: () => Promise<void>;
  let owner: SignedUp;

  const get = (token: string) => t.http.get(ME).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    // Rotation and key removal are global: run them on a private database so parallel suites keep their keys.
    const iso = await isolatedEnv('keys');
    drop = iso.drop;
    t = await startTestApp({ clock, env: iso.env });
    owner = await signUp(t);
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });
  afterEach(() => clock.set(start));

  it('accepts a valid token and publishes its key in the JWKS', async () => {
    await get(owner.accessToken).expect(200);
    const jwks = (await t.http.get('/.well-known/jwks.json').expect(200)).body;
    const { kid, alg } = decodeProtectedHeader(owner.accessToken);
    expect(alg).toBe('EdDSA');
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(kid);
    for (const k of jwks.keys) {
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(k.d).toBeUndefined();
    }
  });

  it('refuses a tampered payload', async () => {
    const [h, p, s] = owner.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = base64url.encode(
      JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' }),
    );
    const res = await get(`${h}.${forged}.${s}`).expect(401);
    expect(res.body.code).toBe('invalid_token');
    await get(`${h}.${p}.${s.slice(0, -4)}AAAA`).expect(401);
  });

  it('refuses alg: none', async () => {
    const [, p] = owner.accessToken.split('.');
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    await get(`${header}.${p}.`).expect(401);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const { kid } = decodeProtectedHeader(owner.accessToken);
    const jwks = (await t.http.get('/.well-known/jwks.json').expect(200)).body;
    const pub = jwks.keys.find((k: { kid: string }) => k.kid === kid);
    const claims = JSON.parse(Buffer.from(owner.accessToken.split('.')[1], 'base64url').toString());
    for (const secret of [Buffer.from(JSON.stringify(pub)), Buffer.from(pub.x, 'base64url')]) {
      const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).sign(secret);
      await get(token).expect(401);
    }
  });

  it('refuses a token signed by a key it does not know, or with the right kid but a foreign key', async () => {
    const claims = JSON.parse(Buffer.from(owner.accessToken.split('.')[1], 'base64url').toString());
    const foreign = generateKeyPairSync('ed25519').privateKey;
    const { kid } = decodeProtectedHeader(owner.accessToken);
    const sign = (k: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid: k })
        .sign(createPrivateKey(foreign.export({ format: 'pem', type: 'pkcs8' })));
    await get(await sign('no-such-kid')).expect(401);
    await get(await sign(kid!)).expect(401);
  });

  it('refuses an expired token', async () => {
    clock.set(new Date(start.getTime() + 15 * 60_000 + 1000));
    await get(owner.accessToken).expect(401);
  });

  it('refuses a token signed with our own key whose lifetime exceeds the configured maximum', async () => {
    const tokens = t.app.get(TokenService);
    const claims = JSON.parse(Buffer.from(owner.accessToken.split('.')[1], 'base64url').toString());
    const tenYears = await tokens.sign(owner.userId, { typ: 'user', sid: claims.sid }, 10 * 365 * 86_400);
    await get(tenYears).expect(401);
    const withinTtl = await tokens.sign(owner.userId, { typ: 'user', sid: claims.sid }, 60);
    await get(withinTtl).expect(200);
  });

  it('keeps tokens signed before a rotation valid, and refuses them once their key is removed', async () => {
    const keys = t.app.get(SigningKeys);
    const before = (
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: owner.email, password: owner.password })
        .expect(200)
    ).body.accessToken as string;
    const oldKid = decodeProtectedHeader(before).kid;

    const rotation = await keys.rotate();
    expect(rotation.retiredKid).toBe(oldKid);
    await get(before).expect(200);
    const after = (
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: owner.email, password: owner.password })
        .expect(200)
    ).body.accessToken as string;
    expect(decodeProtectedHeader(after).kid).toBe(rotation.activeKid);
    const jwks = (await t.http.get('/.well-known/jwks.json').expect(200)).body.keys.map(
      (k: { kid: string }) => k.kid,
    );
    expect(jwks).toEqual(expect.arrayContaining([oldKid, rotation.activeKid, rotation.nextKid]));

    // Retired keys are removed only after every token they signed has expired (+ skew).
    expect(await keys.prune()).toEqual([]);
    clock.set(new Date(start.getTime() + 17 * 60_000));
    expect(await keys.prune()).toEqual([oldKid]);
    clock.set(new Date(start.getTime() + 60_000));
    await get(before).expect(401);
    await get(after).expect(200);
  });
});
