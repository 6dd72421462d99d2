import { randomBytes } from 'node:crypto';
import { Role } from '../../src/shared/context/principal';
import { startTestApp, TestApp } from '../support/test-app';
import { addMember, logIn, signUp, SignedUp, TEST_PASSWORD, verifyEmail } from '../support/auth';

describe('tenancy: organizations, members, roles, audit log', () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t, { orgName: 'Acme' });
  });
  afterAll(() => t.close());

  const org = (id = owner.tenantId) => `/api/v1/organizations/${id}`;

  it('creates, lists, gets and renames organizations', async () => {
    const created = await owner
      .auth(t.http.post('/api/v1/organizations'))
      .send({ name: 'Second' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Second', role: 'owner' });
    const mine = await owner.auth(t.http.get('/api/v1/organizations')).expect(200);
    expect(mine.body.items.map((o: { name: string }) => o.name)).toEqual(['Acme', 'Second']);
    await owner.auth(t.http.get(org(created.body.id))).expect(200);
    const renamed = await owner
      .auth(t.http.patch(org(created.body.id)))
      .send({ name: 'Second Inc' })
      .expect(200);
    expect(renamed.body.name).toBe('Second Inc');
    await owner.auth(t.http.post('/api/v1/organizations')).send({ name: '' }).expect(400);
    await owner.auth(t.http.patch(org())).send({ name: 'x', extra: 1 }).expect(400);
  });

  it('a user with several organizations picks one with X-Organization-Id, else acts in the default', async () => {
    const user = await signUp(t);
    const single = await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .expect(200);
    expect(single.body.tenantId).toBe(user.tenantId);

    const second = await t.http
      .post('/api/v1/organizations')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .send({ name: 'Two' })
      .expect(201);
    // Without the header: the first organization joined, until the user chooses another default.
    const none = await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .expect(200);
    expect(none.body).toMatchObject({ tenantId: user.tenantId, defaultOrganizationId: user.tenantId });
    await t.http.get('/api/v1/api-keys').set('Authorization', `Bearer ${user.accessToken}`).expect(200);
    const picked = await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .set('X-Organization-Id', second.body.id)
      .expect(200);
    expect(picked.body).toMatchObject({ tenantId: second.body.id, role: 'owner' });
    // An organization the user is not in answers 404, like one that does not exist.
    await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .set('X-Organization-Id', owner.tenantId)
      .expect(404);
  });

  it('invites by email (members join by accepting), changes roles and removes members', async () => {
    const member = await addMember(t, owner, 'member');
    const list = await owner.auth(t.http.get(`${org()}/members`)).expect(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: member.userId, role: 'member' })]),
    );
    const dup = await owner
      .auth(t.http.post(`${org()}/members`))
      .send({ email: member.email, role: 'viewer' })
      .expect(409);
    expect(dup.body.code).toBe('already_member');

    const invitee = `inv-${randomBytes(4).toString('hex')}@example.test`;
    const invited = await owner
      .auth(t.http.post(`${org()}/members`))
      .send({ email: invitee, role: 'billing' })
      .expect(201);
    expect(invited.body).toMatchObject({
      status: 'invited',
      invitation: { email: invitee, role: 'billing' },
    });
    await t.http
      .post('/api/v1/auth/register')
      .send({ email: invitee, password: TEST_PASSWORD, name: 'Inv' })
      .expect(202);
    await verifyEmail(t, invitee);
    const session = await logIn(t, invitee);
    // Registering the invited address joins nothing by itself.
    expect(session.tenantId).toBeNull();
    await t.http
      .post(`/api/v1/invitations/${invited.body.invitation.id}/accept`)
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(200);
    const me = await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${session.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ tenantId: owner.tenantId, role: 'billing' });

    const changed = await owner
      .auth(t.http.patch(`${org()}/members/${member.userId}`))
      .send({ role: 'admin' })
      .expect(200);
    expect(changed.body.role).toBe('admin');
    // The role change applies at once (membership cache invalidated).
    const asAdmin = await member.auth(t.http.get('/api/v1/auth/me')).expect(200);
    expect(asAdmin.body.role).toBe('admin');
    await owner
      .auth(t.http.patch(`${org()}/members/${member.userId}`))
      .send({ role: 'boss' })
      .expect(400);

    await owner.auth(t.http.delete(`${org()}/members/${member.userId}`)).expect(204);
    await member.auth(t.http.get('/api/v1/auth/me')).expect(404);
    await owner.auth(t.http.delete(`${org()}/members/${member.userId}`)).expect(404);
    await owner.auth(t.http.delete(`${org()}/members/not-a-uuid`)).expect(400);
  });

  it('protects the last owner, and only owners manage ownership', async () => {
    const solo = await signUp(t);
    const soloOrg = `/api/v1/organizations/${solo.tenantId}`;
    const demote = await solo
      .auth(t.http.patch(`${soloOrg}/members/${solo.userId}`))
      .send({ role: 'admin' })
      .expect(409);
    expect(demote.body.code).toBe('last_owner');
    await solo.auth(t.http.delete(`${soloOrg}/members/${solo.userId}`)).expect(409);

    const admin = await addMember(t, solo, 'admin');
    await admin
      .auth(t.http.patch(`${soloOrg}/members/${solo.userId}`))
      .send({ role: 'viewer' })
      .expect(403);
    await admin
      .auth(t.http.post(`${soloOrg}/members`))
      .send({ email: 'x@example.test', role: 'owner' })
      .expect(403);

    const second = await addMember(t, solo, 'owner');
    await solo
      .auth(t.http.patch(`${soloOrg}/members/${solo.userId}`))
      .send({ role: 'admin' })
      .expect(200);
    await second.auth(t.http.delete(`${soloOrg}/members/${second.userId}`)).expect(409);
  });

  it('concurrent demotions of the two owners leave one owner', async () => {
    const a = await signUp(t);
    const b = await addMember(t, a, 'owner');
    const base = `/api/v1/organizations/${a.tenantId}/members`;
    const results = await Promise.all([
      a.auth(t.http.patch(`${base}/${a.userId}`)).send({ role: 'admin' }),
      a.auth(t.http.patch(`${base}/${b.userId}`)).send({ role: 'admin' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  describe('role table', () => {
    const cases: Array<{
      role: Role;
      manageMembers: boolean;
      createKeys: boolean;
      readAudit: boolean;
      renameOrg: boolean;
    }> = [
      { role: 'admin', manageMembers: true, createKeys: true, readAudit: true, renameOrg: true },
      { role: 'billing', manageMembers: false, createKeys: false, readAudit: false, renameOrg: false },
      { role: 'member', manageMembers: false, createKeys: true, readAudit: false, renameOrg: false },
      { role: 'viewer', manageMembers: false, createKeys: false, readAudit: false, renameOrg: false },
    ];
    it.each(cases)('$role', async ({ role, manageMembers, createKeys, readAudit, renameOrg }) => {
      const user = await addMember(t, owner, role);
      const status = (ok: boolean, okStatus: number) => (ok ? okStatus : 403);
      await user.auth(t.http.get(`${org()}/members`)).expect(200);
      await user.auth(t.http.get(org())).expect(200);
      await user
        .auth(t.http.post(`${org()}/members`))
        .send({ email: `r-${randomBytes(4).toString('hex')}@example.test`, role: 'viewer' })
        .expect(status(manageMembers, 201));
      await user
        .auth(t.http.post('/api/v1/api-keys'))
        .send({ name: 'k', scopes: ['agents:read'] })
        .expect(status(createKeys, 201));
      await user.auth(t.http.get('/api/v1/audit-logs')).expect(status(readAudit, 200));
      await user.auth(t.http.patch(org())).send({ name: 'Acme' }).expect(status(renameOrg, 200));
    });
  });

  it('records security actions in the audit log: owners and admins read it, paginated and filtered', async () => {
    const boss = await signUp(t);
    const m = await addMember(t, boss, 'member');
    await boss
      .auth(t.http.patch(`/api/v1/organizations/${boss.tenantId}/members/${m.userId}`))
      .send({ role: 'viewer' })
      .expect(200);
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: boss.email, password: 'wrong-password-1' })
      .expect(401);
    await t.http
      .post('/api/v1/auth/login')
      .set('X-Request-Id', 'audit-req-1')
      .send({ email: boss.email, password: boss.password })
      .expect(200);

    const all = await boss.auth(t.http.get('/api/v1/audit-logs')).expect(200);
    const actions = all.body.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'organization.created',
        'member.invited',
        'member.joined',
        'member.role_changed',
        'auth.login_failed',
        'auth.login_succeeded',
      ]),
    );
    const login = all.body.items.find((i: { action: string }) => i.action === 'auth.login_succeeded');
    expect(login).toMatchObject({ actorKind: 'user', actorId: boss.userId, requestId: 'audit-req-1' });
    expect(login.ip).toBeTruthy();
    const roleChange = all.body.items.find((i: { action: string }) => i.action === 'member.role_changed');
    expect(roleChange).toMatchObject({
      target: m.userId,
      details: { from: 'member', to: 'viewer' },
      actorId: boss.userId,
    });

    const filtered = await boss.auth(t.http.get('/api/v1/audit-logs?action=member.role_changed')).expect(200);
    expect(filtered.body.items).toHaveLength(1);
    const future = await boss.auth(t.http.get('/api/v1/audit-logs?from=2999-01-01T00:00:00Z')).expect(200);
    expect(future.body.items).toHaveLength(0);

    const page1 = await boss.auth(t.http.get('/api/v1/audit-logs?limit=2')).expect(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await boss
      .auth(t.http.get(`/api/v1/audit-logs?limit=2&cursor=${page1.body.nextCursor}`))
      .expect(200);
    const ids = [...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.body.items.slice(0, 4).map((i: { id: string }) => i.id)).toEqual(ids);

    await boss.auth(t.http.get('/api/v1/audit-logs?limit=0')).expect(400);
    await boss.auth(t.http.get('/api/v1/audit-logs?cursor=%%%')).expect(400);
    await m.auth(t.http.get('/api/v1/audit-logs')).expect(403);
  });
});
