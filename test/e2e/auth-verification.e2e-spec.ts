import { randomBytes } from 'node:crypto';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { startTestApp, TestApp } from '../support/test-app';
import { logIn, signUp, TEST_PASSWORD, verificationTokenFor, verifyEmail } from '../support/auth';

const email = () => `v-${randomBytes(5).toString('hex')}@example.test`;
let lastIp = 0;
const ip = () => `203.0.${113 + Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

describe('email verification and registration without account enumeration', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    t = await startTestApp({
      clock,
      env: {
        TRUST_PROXY: 'true',
        AUTH_REGISTER_MAX_PER_IP: '3',
        AUTH_VERIFICATION_RESEND_MAX: '2',
        AUTH_TOKEN_MAX_PER_IP: '4',
      },
    });
  });
  afterAll(() => t.close());

  const register = (body: Record<string, string>, from = ip()) =>
    t.http.post('/api/v1/auth/register').set('X-Forwarded-For', from).send(body);
  const me = (token: string) => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  it('answers a taken address exactly like a new one, and tells the owner by mail instead', async () => {
    // From an address of its own: this app allows only 3 sign-ups per IP, and 127.0.0.1 is shared.
    const taken = { email: email() };
    await register({ email: taken.email, password: TEST_PASSWORD, name: 'T' }).expect(202);
    await verifyEmail(t, taken.email);
    const fresh = email();
    const a = await register({ email: fresh, password: TEST_PASSWORD, name: 'A' }).expect(202);
    const b = await register({ email: taken.email.toUpperCase(), password: TEST_PASSWORD, name: 'B' }).expect(
      202,
    );
    const strip = (body: Record<string, unknown>) => JSON.stringify({ ...body, email: undefined });
    expect(strip(a.body)).toEqual(strip(b.body));
    expect(a.headers['content-type']).toEqual(b.headers['content-type']);
    const notice = await t.smtp.waitFor(
      (m) => m.envelopeTo.includes(taken.email) && /sign-up attempt|already have an account/i.test(m.subject),
    );
    expect(notice[0].text).not.toMatch(/token=/);
    // The existing account keeps its password.
    await logIn(t, taken.email);
  });

  it('sends a single-use, expiring token; POST /auth/verify-email marks the address verified on /me', async () => {
    const address = email();
    await register({ email: address, password: TEST_PASSWORD, name: 'V', organizationName: 'V Co' }).expect(
      202,
    );
    const session = await logIn(t, address);
    expect((await me(session.accessToken).expect(200)).body.emailVerified).toBe(false);

    const token = await verificationTokenFor(t, address);
    await t.http
      .post('/api/v1/auth/verify-email')
      .send({ token: `${token}x` })
      .expect(400);
    await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(204);
    expect((await me(session.accessToken).expect(200)).body).toMatchObject({
      emailVerified: true,
      user: { email: address, emailVerified: true },
    });
    const again = await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(400);
    expect(again.body.code).toBe('invalid_verification_token');
    await t.http.post('/api/v1/auth/verify-email').send({}).expect(400);
  });

  it('lets a token work exactly once under concurrent use', async () => {
    const address = email();
    await register({ email: address, password: TEST_PASSWORD, name: 'C' }).expect(202);
    const token = await verificationTokenFor(t, address);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.http.post('/api/v1/auth/verify-email').send({ token })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([204, 400, 400, 400, 400]);
  });

  it('refuses an expired token (24 h by default)', async () => {
    const address = email();
    await register({ email: address, password: TEST_PASSWORD, name: 'E' }).expect(202);
    const token = await verificationTokenFor(t, address);
    clock.advance(24 * 3600_000 + 1000);
    try {
      const res = await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(400);
      expect(res.body.code).toBe('invalid_verification_token');
    } finally {
      clock.advance(-(24 * 3600_000 + 1000));
    }
  });

  it('resends the verification mail, with a rate limit per account', async () => {
    const address = email();
    await register({ email: address, password: TEST_PASSWORD, name: 'R' }).expect(202);
    const session = await logIn(t, address);
    const resend = () =>
      t.http
        .post('/api/v1/auth/verify-email/resend')
        .set('Authorization', `Bearer ${session.accessToken}`)
        .set('X-Forwarded-For', ip());
    await resend().expect(204);
    await resend().expect(204);
    const limited = await resend().expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await t.smtp.waitFor((m) => m.envelopeTo.includes(address) && /verify/i.test(m.subject), 3);
    // The newest link works.
    const token = await verificationTokenFor(t, address);
    await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(204);
    const done = await resend().expect(409);
    expect(done.body.code).toBe('email_already_verified');
  });

  it('gives the address to whoever proves the mailbox: a later sign-up replaces an unverified squatter', async () => {
    const address = email();
    await register({ email: address, password: 'squatter-password-1', name: 'Squatter' }).expect(202);
    const squatter = await logIn(t, address, 'squatter-password-1');
    const since = Date.now();
    await register({ email: address, password: TEST_PASSWORD, name: 'Owner' }).expect(202);
    const token = await verificationTokenFor(t, address, since);
    await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(204);
    // The squatter's password and sessions are gone; the mailbox owner's password works.
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: address, password: 'squatter-password-1' })
      .expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: squatter.refreshToken }).expect(401);
    const owner = await logIn(t, address);
    expect((await me(owner.accessToken).expect(200)).body.user).toMatchObject({
      name: 'Owner',
      emailVerified: true,
    });
  });

  it('sends at most AUTH_REGISTER_MAX_MAILS_PER_ADDRESS mails to one address per window, answering 202 still', async () => {
    const address = email();
    for (let i = 0; i < 5; i++)
      await register({ email: address, password: TEST_PASSWORD, name: `N${i}` }).expect(202);
    await t.smtp.waitFor((m) => m.envelopeTo.includes(address), 3);
    await new Promise((r) => setTimeout(r, 500));
    expect(t.smtp.mailsTo(address)).toHaveLength(3);
  });

  it('rate-limits registration per client IP with 429 and Retry-After', async () => {
    const from = ip();
    for (let i = 0; i < 3; i++)
      await register({ email: email(), password: TEST_PASSWORD, name: 'N' }, from).expect(202);
    const limited = await register({ email: email(), password: TEST_PASSWORD, name: 'N' }, from).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await register({ email: email(), password: TEST_PASSWORD, name: 'N' }, ip()).expect(202);
  });

  it('rate-limits POST /auth/token per client IP before any secret is hashed', async () => {
    const from = ip();
    const attempt = () =>
      t.http
        .post('/api/v1/auth/token')
        .set('X-Forwarded-For', from)
        .send({ grant_type: 'client_credentials', client_id: 'sa_nobody', client_secret: 'wrong-secret' });
    for (let i = 0; i < 4; i++) await attempt().expect(401);
    const limited = await attempt().expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('login lockout is per account and client IP, with a higher per-account ceiling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        TRUST_PROXY: 'true',
        AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '3',
        AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: '8',
        AUTH_LOGIN_MAX_FAILURES_PER_IP: '50',
      },
    });
  });
  afterAll(() => t.close());

  const login = (body: { email: string; password: string }, from: string) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send(body);

  it("an attacker's failures lock the attacker out, not the owner signing in from elsewhere", async () => {
    const user = await signUp(t);
    const attacker = ip();
    for (let i = 0; i < 3; i++)
      await login({ email: user.email, password: 'wrong-password-x' }, attacker).expect(401);
    const blocked = await login({ email: user.email, password: user.password }, attacker).expect(429);
    expect(blocked.body.code).toBe('too_many_login_attempts');
    await login({ email: user.email, password: user.password }, ip()).expect(200);
  });

  it('still stops a distributed guess at the per-account ceiling', async () => {
    const user = await signUp(t);
    for (let i = 0; i < 8; i++)
      await login({ email: user.email, password: 'wrong-password-x' }, ip()).expect(401);
    await login({ email: user.email, password: user.password }, ip()).expect(429);
  });
});
