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

/** Registers a user together with a new organization they own. */
export async function signUp(t: TestApp, opts: { email?: string; orgName?: string } = {}): Promise<SignedUp> {
  const email = opts.email ?? `user-${unique()}@example.test`;
  const password = TEST_PASSWORD;
  const res = await t.http
    .post('/api/v1/auth/register')
    .send({ email, password, name: 'Test User', organizationName: opts.orgName ?? `Org ${unique()}` });
  if (res.status !== 201) throw new Error(`signUp failed: ${res.status} ${JSON.stringify(res.body)}`);
  const tenantId: string = res.body.organization.id;
  return {
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    userId: res.body.user.id,
    tenantId,
    email,
    password,
    auth: bearer(res.body.accessToken, tenantId),
  };
}

/** Registers a user without an organization and adds them to the owner's organization with `role`. */
export async function addMember(
  t: TestApp,
  owner: { accessToken: string; tenantId: string },
  role: Role,
): Promise<{ accessToken: string; userId: string; email: string; auth: AuthFn }> {
  const email = `member-${unique()}@example.test`;
  const reg = await t.http
    .post('/api/v1/auth/register')
    .send({ email, password: TEST_PASSWORD, name: `A ${role}` });
  if (reg.status !== 201)
    throw new Error(`addMember register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const add = await t.http
    .post(`/api/v1/organizations/${owner.tenantId}/members`)
    .set('Authorization', `Bearer ${owner.accessToken}`)
    .send({ email, role });
  if (add.status !== 201) throw new Error(`addMember failed: ${add.status} ${JSON.stringify(add.body)}`);
  return {
    accessToken: reg.body.accessToken,
    userId: reg.body.user.id,
    email,
    auth: bearer(reg.body.accessToken, owner.tenantId),
  };
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
