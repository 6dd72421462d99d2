import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, TEST_PASSWORD, verifyEmail } from '../support/auth';
import { PasswordHasher } from '../../src/modules/auth/application/password-hasher';

const email = () => `u-${randomBytes(5).toString('hex')}@example.test`;
// Each call gets a client IP of its own (via X-Forwarded-For), so per-IP counters never leak between tests.
let lastIp = 0;
const ip = () => `198.51.${100 + Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

describe('auth: register, login, refresh, logout, me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      // Behind a trusted proxy, so X-Forwarded-For sets the client IP.
      env: {
        AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '3',
        AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        AUTH_LOGIN_MAX_FAILURES_PER_IP: '6',
        TRUST_PROXY: 'true',
      },
    });
  });
  afterAll(() => t.close());

  const login = (body: { email: string; password: string }, from = ip()) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send(body);

  it('registers with an organization: 202, a verification mail, then sign-in acts in that organization', async () => {
    const address = email();
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ email: address, password: TEST_PASSWORD, name: 'Ann', organizationName: 'Ann Co' })
      .expect(202);
    expect(res.body).toEqual({ status: 'verification_sent', message: expect.any(String) });
    await verifyEmail(t, address);
    const session = await login({ email: address, password: TEST_PASSWORD }).expect(200);
    expect(session.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(session.body.refreshToken).toMatch(/^rt_/);
    const me = await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${session.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({
      kind: 'user',
      role: 'owner',
      emailVerified: true,
      user: { email: address, name: 'Ann', emailVerified: true },
    });
    expect(me.body.user.passwordHash).toBeUndefined();
    expect(me.body.organizations).toEqual([
      expect.objectContaining({ id: me.body.tenantId, name: 'Ann Co', role: 'owner' }),
    ]);
  });

  it('refuses weak passwords and bad input with 4xx problems; a taken email is not revealed', async () => {
    const address = email();
    const weak = await t.http
      .post('/api/v1/auth/register')
      .send({ email: address, password: 'short', name: 'A' })
      .expect(400);
    expect(weak.body.code).toBe('weak_password');
    await t.http
      .post('/api/v1/auth/register')
      .send({ email: address, password: address, name: 'A' })
      .expect(400);
    await t.http
      .post('/api/v1/auth/register')
      .send({ email: 'not-an-email', password: TEST_PASSWORD, name: 'A' })
      .expect(400);
    await t.http
      .post('/api/v1/auth/register')
      .send({ email: address, password: TEST_PASSWORD, name: 'A' })
      .expect(202);
    await t.http
      .post('/api/v1/auth/register')
      .send({ email: address.toUpperCase(), password: TEST_PASSWORD, name: 'A' })
      .expect(202);
  });

  it('answers the same 401 for an unknown email and a wrong password, both after one argon2 verification', async () => {
    // The verification is the login's dominant cost: a path that skipped it would answer an unknown email
    // sooner. Counted rather than timed, which on a shared machine is noise; PasswordHasher.verify checks an
    // unknown account against a dummy hash.
    const user = await signUp(t);
    const verify = jest.spyOn(t.app.get(PasswordHasher), 'verify');
    const attempt = async (body: { email: string; password: string }) => {
      verify.mockClear();
      const res = await login(body).expect(401);
      return { body: res.body, verifications: verify.mock.calls.length };
    };
    const unknown = await attempt({ email: email(), password: 'wrong-password-123' });
    const wrong = await attempt({ email: user.email, password: 'wrong-password-0' });
    verify.mockRestore();
    expect(unknown.verifications).toBe(1);
    expect(wrong.verifications).toBe(1);
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.body.code).toBe('invalid_credentials');
  });

  it('logs in, and rate-limits failures per account with 429 and Retry-After', async () => {
    const user = await signUp(t);
    await login({ email: user.email, password: user.password }).expect(200);
    for (let i = 0; i < 3; i++) await login({ email: user.email, password: 'wrong-password-x' }).expect(401);
    const limited = await login({ email: user.email, password: user.password }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('too_many_login_attempts');
  });

  it('rate-limits failures per client IP across accounts', async () => {
    const from = ip();
    for (let i = 0; i < 6; i++)
      await login({ email: email(), password: 'wrong-password-x' }, from).expect(401);
    const user = await signUp(t);
    await login({ email: user.email, password: user.password }, from).expect(429);
    await login({ email: user.email, password: user.password }, ip()).expect(200);
  });

  it('rotates refresh tokens; reusing one revokes the whole family', async () => {
    const user = await signUp(t);
    const first = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    const second = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(200);

    // The first token again: theft detected, so the newest token of the family dies too.
    const reuse = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(401);
    expect(reuse.body.code).toBe('invalid_refresh_token');
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);

    // Other sessions of the same user are untouched.
    const other = await login({ email: user.email, password: user.password }).expect(200);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: other.body.refreshToken }).expect(200);

    const audit = await user
      .auth(t.http.get('/api/v1/audit-logs?action=auth.refresh_reuse_detected'))
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
  });

  it('gives exactly one success to concurrent refreshes with the same token', async () => {
    const user = await signUp(t);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: 'rt_nope' }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({}).expect(400);
  });

  it('logout revokes the session family', async () => {
    const user = await signUp(t);
    await user.auth(t.http.post('/api/v1/auth/logout')).send({}).expect(204);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await t.http.post('/api/v1/auth/logout').expect(401);
  });

  it('needs credentials on every non-public route and rejects malformed Authorization', async () => {
    await t.http.get('/api/v1/auth/me').expect(401);
    await t.http.get('/api/v1/auth/me').set('Authorization', 'Basic abc').expect(401);
    await t.http.get('/api/v1/auth/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    const anon = await t.http.get('/api/v1/auth/principal').expect(200);
    expect(anon.body).toEqual({ kind: 'anonymous', tenantId: null });
  });
});
