import { randomBytes } from 'node:crypto';
import type supertest from 'supertest';
import { Role } from '../../src/shared/context/principal';
import { TestApp } from './test-app';

export type AuthFn = (req: supertest.Test) => supertest.Test;

export interface SignedUp {
  accessToken: string;
  refreshToken: string;
  userId: string;
  tenantId: string;
  email: string;
  password: string;
  /** Sets Authorization and X-Organization-Id (this user's organization). */
  auth: AuthFn;
}

const unique = () => `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
export const TEST_PASSWORD = 'correct-horse-battery-staple';

const bearer =
  (token: string, tenantId?: string): AuthFn =>
  (req) => {
    req.set('Authorization', `Bearer ${token}`);
    return tenantId ? req.set('X-Organization-Id', tenantId) : req;
  };

/** The single-use token of the newest email-verification mail sent to `email` (read from the SMTP server). */
export async function verificationTokenFor(t: TestApp, email: string, after = 0): Promise<string> {
  const want = email.toLowerCase();
  const [mail] = (
    await t.smtp.waitFor(
      (m) =>
        m.at >= after && m.envelopeTo.some((to) => to.toLowerCase() === want) && /verify/i.test(m.subject),
    )
  ).slice(-1);
  const token = mail.text.match(/token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no verification token in: ${mail.text}`);
  return token;
}

/** Verifies `email` the way its owner does: the link from the mail in their inbox. */
export async function verifyEmail(t: TestApp, email: string, after = 0): Promise<void> {
  const token = await verificationTokenFor(t, email, after);
  const res = await t.http.post('/api/v1/auth/verify-email').send({ token });
  if (res.status !== 204) throw new Error(`verify-email failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Signs in and returns the tokens with the user id and the organization the session acts in by default. */
export async function logIn(
  t: TestApp,
  email: string,
  password = TEST_PASSWORD,
): Promise<{ accessToken: string; refreshToken: string; userId: string; tenantId: string | null }> {
  const res = await t.http.post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
  if (me.status !== 200) throw new Error(`me failed: ${me.status} ${JSON.stringify(me.body)}`);
  return {
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    userId: me.body.id,
    tenantId: me.body.tenantId,
  };
}

/**
 * Registers a user together with a new organization they own, verifies the address through the mail the
 * app sent (unless `verify: false`) and signs in.
 */
export async function signUp(
  t: TestApp,
  opts: { email?: string; orgName?: string; verify?: boolean } = {},
): Promise<SignedUp> {
  const email = opts.email ?? `user-${unique()}@example.test`;
  const password = TEST_PASSWORD;
  const res = await t.http
    .post('/api/v1/auth/register')
    .send({ email, password, name: 'Test User', organizationName: opts.orgName ?? `Org ${unique()}` });
  if (res.status !== 202) throw new Error(`signUp failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (opts.verify !== false) await verifyEmail(t, email);
  const session = await logIn(t, email, password);
  const tenantId = session.tenantId!;
  return { ...session, tenantId, email, password, auth: bearer(session.accessToken, tenantId) };
}

/** Registers a verified user without an organization. */
export async function signUpWithoutOrganization(
  t: TestApp,
  opts: { email?: string; name?: string } = {},
): Promise<{ accessToken: string; userId: string; email: string }> {
  const email = opts.email ?? `member-${unique()}@example.test`;
  const reg = await t.http
    .post('/api/v1/auth/register')
    .send({ email, password: TEST_PASSWORD, name: opts.name ?? 'A member' });
  if (reg.status !== 202) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  await verifyEmail(t, email);
  const session = await logIn(t, email);
  return { accessToken: session.accessToken, userId: session.userId, email };
}

/** The owner invites `email`; returns the invitation id from the answer. */
export async function invite(
  t: TestApp,
  owner: { accessToken: string; tenantId: string },
  email: string,
  role: Role,
): Promise<string> {
  const res = await t.http
    .post(`/api/v1/organizations/${owner.tenantId}/members`)
    .set('Authorization', `Bearer ${owner.accessToken}`)
    .send({ email, role });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.invitation.id;
}

/**
 * A new verified user joins the owner's organization with `role`: the owner invites, the user accepts.
 */
export async function addMember(
  t: TestApp,
  owner: { accessToken: string; tenantId: string },
  role: Role,
): Promise<{ accessToken: string; userId: string; email: string; auth: AuthFn }> {
  const member = await signUpWithoutOrganization(t, { name: `A ${role}` });
  const invitationId = await invite(t, owner, member.email, role);
  const accept = await t.http
    .post(`/api/v1/invitations/${invitationId}/accept`)
    .set('Authorization', `Bearer ${member.accessToken}`);
  if (accept.status !== 200)
    throw new Error(`accept failed: ${accept.status} ${JSON.stringify(accept.body)}`);
  return { ...member, auth: bearer(member.accessToken, owner.tenantId) };
}

/** Creates an API key with `scopes` in the owner's organization. */
export async function createApiKey(
  t: TestApp,
  owner: { accessToken: string; tenantId?: string },
  scopes: string[],
  opts: { name?: string; expiresAt?: string } = {},
): Promise<{ id: string; key: string; prefix: string }> {
  const req = t.http
    .post('/api/v1/api-keys')
    .set('Authorization', `Bearer ${owner.accessToken}`)
    .send({
      name: opts.name ?? 'test key',
      scopes,
      ...(opts.expiresAt ? { expiresAt: opts.expiresAt } : {}),
    });
  if (owner.tenantId) req.set('X-Organization-Id', owner.tenantId);
  const res = await req;
  if (res.status !== 201) throw new Error(`createApiKey failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, key: res.body.key, prefix: res.body.prefix };
}

/** Sets X-API-Key. */
export const withApiKey =
  (key: string): AuthFn =>
  (req) =>
    req.set('X-API-Key', key);

/**
 * Env for an app on its own fresh database and Redis prefix, for tests that change global state (signing
 * key rotation and removal) which would otherwise break tokens held by test files running in parallel.
 */
export async function isolatedEnv(
  label: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const { databaseUrl, withAdmin } = await import('../setup/test-database');
  const name = `${process.env.TEST_DATABASE_NAME ?? 'tollgate_test'}_${label}_${randomBytes(3).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    env: {
      DATABASE_URL: databaseUrl(name),
      MIGRATIONS_RUN: 'true',
      REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? 'tgtest'}_${label}`,
    },
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
