import { randomBytes } from 'node:crypto';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { startTestApp, TestApp } from '../support/test-app';
import {
  addMember,
  invite,
  logIn,
  signUp,
  signUpWithoutOrganization,
  SignedUp,
  TEST_PASSWORD,
  verifyEmail,
} from '../support/auth';

const address = (label: string) => `${label}-${randomBytes(5).toString('hex')}@example.test`;
const DAY = 86_400_000;

describe('invitations: nobody joins an organization without accepting with a verified email', () => {
  let t: TestApp;
  let owner: SignedUp;
  const clock = new FixedClock(new Date());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    // Workers: invitation mails are sent by the notifications worker.
    t = await startTestApp({ clock, workers: true });
    owner = await signUp(t, { orgName: 'Inviting Co' });
  });
  afterAll(() => t.close());

  it('does not hand a pending invitation to whoever registers the address first (any letter case)', async () => {
    const victim = address('victim');
    const invitationId = await invite(t, owner, victim.replace('victim', 'Victim'), 'admin');

    // The attacker registers the invited address in another case but cannot read the victim's mailbox.
    await t.http
      .post('/api/v1/auth/register')
      .send({ email: victim.toUpperCase(), password: TEST_PASSWORD, name: 'Mallory' })
      .expect(202);
    const attacker = await logIn(t, victim);
    expect(attacker.tenantId).toBeNull();
    const orgs = await t.http.get('/api/v1/organizations').set(as(attacker.accessToken)).expect(200);
    expect(orgs.body.items).toEqual([]);

    const list = await t.http.get('/api/v1/invitations').set(as(attacker.accessToken)).expect(403);
    expect(list.body.code).toBe('email_not_verified');
    const accept = await t.http
      .post(`/api/v1/invitations/${invitationId}/accept`)
      .set(as(attacker.accessToken))
      .expect(403);
    expect(accept.body.code).toBe('email_not_verified');
    const members = await owner
      .auth(t.http.get(`/api/v1/organizations/${owner.tenantId}/members`))
      .expect(200);
    expect(members.body.items.map((m: { email: string }) => m.email)).not.toContain(victim);

    // The invitation and the verification link went to the invited mailbox, which the attacker cannot read.
    const mails = await t.smtp.waitFor((m) => m.envelopeTo.includes(victim), 2);
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/invited/i), expect.stringMatching(/verify/i)]),
    );
  });

  it('sends an invitation (not a membership) when adding an existing user; they accept or decline', async () => {
    const bob = await signUpWithoutOrganization(t);
    const before = t.smtp.mailsTo(bob.email).length;
    const added = await owner
      .auth(t.http.post(`/api/v1/organizations/${owner.tenantId}/members`))
      .send({ email: bob.email.toUpperCase(), role: 'member' })
      .expect(201);
    expect(added.body).toMatchObject({ status: 'invited', invitation: { email: bob.email, role: 'member' } });
    expect(added.body.member).toBeUndefined();

    // Not a member yet: the organization is not Bob's, and his default stays unchanged.
    await t.http.get(`/api/v1/organizations/${owner.tenantId}`).set(as(bob.accessToken)).expect(404);
    const mail = await t.smtp.nextMailTo(bob.email, before);
    expect(mail.subject).toMatch(/Inviting Co/);
    expect(mail.text).toContain('/api/v1/invitations');

    const mine = await t.http.get('/api/v1/invitations').set(as(bob.accessToken)).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        id: added.body.invitation.id,
        organization: { id: owner.tenantId, name: 'Inviting Co' },
        role: 'member',
        expiresAt: expect.any(String),
      }),
    ]);
    const accepted = await t.http
      .post(`/api/v1/invitations/${added.body.invitation.id}/accept`)
      .set(as(bob.accessToken))
      .expect(200);
    expect(accepted.body).toMatchObject({ id: owner.tenantId, role: 'member' });
    await t.http.get(`/api/v1/organizations/${owner.tenantId}`).set(as(bob.accessToken)).expect(200);
    // Accepting twice: the invitation is no longer pending.
    await t.http
      .post(`/api/v1/invitations/${added.body.invitation.id}/accept`)
      .set(as(bob.accessToken))
      .expect(404);
    await owner
      .auth(t.http.post(`/api/v1/organizations/${owner.tenantId}/members`))
      .send({ email: bob.email, role: 'admin' })
      .expect(409);

    const other = await signUp(t, { orgName: 'Other Co' });
    const declineId = await invite(t, other, bob.email, 'viewer');
    await t.http.post(`/api/v1/invitations/${declineId}/decline`).set(as(bob.accessToken)).expect(204);
    await t.http.get(`/api/v1/organizations/${other.tenantId}`).set(as(bob.accessToken)).expect(404);
    const left = await t.http.get('/api/v1/invitations').set(as(bob.accessToken)).expect(200);
    expect(left.body.items).toEqual([]);
  });

  it('accepts an invitation once when the invitee answers it concurrently', async () => {
    const ivy = await signUpWithoutOrganization(t);
    const id = await invite(t, owner, ivy.email, 'member');
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.http.post(`/api/v1/invitations/${id}/${i % 2 ? 'decline' : 'accept'}`).set(as(ivy.accessToken)),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200 || s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(3);
    const members = await owner
      .auth(t.http.get(`/api/v1/organizations/${owner.tenantId}/members`))
      .expect(200);
    const joined = members.body.items.filter((m: { userId: string }) => m.userId === ivy.userId);
    expect(joined).toHaveLength(statuses.includes(200) ? 1 : 0);
  });

  it('answers 404 for an invitation addressed to someone else, even when verified', async () => {
    const carol = await signUpWithoutOrganization(t);
    const dave = await signUpWithoutOrganization(t);
    const id = await invite(t, owner, carol.email, 'member');
    await t.http.post(`/api/v1/invitations/${id}/accept`).set(as(dave.accessToken)).expect(404);
    await t.http.post(`/api/v1/invitations/${id}/decline`).set(as(dave.accessToken)).expect(404);
    await t.http.post(`/api/v1/invitations/not-a-uuid/accept`).set(as(dave.accessToken)).expect(400);
  });

  it('lets an invitee who registers later accept once the address is verified', async () => {
    const erin = address('erin');
    const id = await invite(t, owner, erin, 'billing');
    const since = Date.now();
    await t.http
      .post('/api/v1/auth/register')
      .send({ email: erin, password: TEST_PASSWORD, name: 'Erin' })
      .expect(202);
    await verifyEmail(t, erin, since);
    const session = await logIn(t, erin);
    const accepted = await t.http
      .post(`/api/v1/invitations/${id}/accept`)
      .set(as(session.accessToken))
      .expect(200);
    expect(accepted.body.role).toBe('billing');
  });

  it('expires invitations after the configured time (7 days by default)', async () => {
    const frank = await signUpWithoutOrganization(t);
    const id = await invite(t, owner, frank.email, 'member');
    clock.advance(7 * DAY + 60_000);
    try {
      const fresh = await logIn(t, frank.email); // access tokens follow the same clock
      const res = await t.http
        .post(`/api/v1/invitations/${id}/accept`)
        .set(as(fresh.accessToken))
        .expect(409);
      expect(res.body.code).toBe('invitation_expired');
      const mine = await t.http.get('/api/v1/invitations').set(as(fresh.accessToken)).expect(200);
      expect(mine.body.items).toEqual([]);
      // An expired invitation does not block a new one for the same address.
      await invite(
        t,
        { ...owner, ...(await logIn(t, owner.email)), tenantId: owner.tenantId },
        frank.email,
        'member',
      );
    } finally {
      clock.advance(-(7 * DAY + 60_000));
    }
  });

  it('lets admins list and revoke pending invitations; members may not', async () => {
    const gina = await signUpWithoutOrganization(t);
    const id = await invite(t, owner, gina.email, 'viewer');
    const pending = await owner
      .auth(t.http.get(`/api/v1/organizations/${owner.tenantId}/invitations`))
      .expect(200);
    expect(pending.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, email: gina.email, role: 'viewer' })]),
    );
    const member = await addMember(t, owner, 'member');
    await member.auth(t.http.delete(`/api/v1/organizations/${owner.tenantId}/invitations/${id}`)).expect(403);
    await owner.auth(t.http.delete(`/api/v1/organizations/${owner.tenantId}/invitations/${id}`)).expect(204);
    await owner.auth(t.http.delete(`/api/v1/organizations/${owner.tenantId}/invitations/${id}`)).expect(404);
    await t.http.post(`/api/v1/invitations/${id}/accept`).set(as(gina.accessToken)).expect(404);
    const audit = await owner
      .auth(t.http.get('/api/v1/audit-logs?action=member.invitation_revoked'))
      .expect(200);
    expect(audit.body.items.map((a: { target: string }) => a.target)).toContain(id);

    // Another organization cannot revoke this one's invitations.
    const id2 = await invite(t, owner, gina.email, 'viewer');
    const stranger = await signUp(t);
    await stranger
      .auth(t.http.delete(`/api/v1/organizations/${stranger.tenantId}/invitations/${id2}`))
      .expect(404);
  });
});

describe('leaving an organization and the default organization', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets a member leave, but not the last owner', async () => {
    const owner = await signUp(t);
    const member = await addMember(t, owner, 'member');
    await member.auth(t.http.post(`/api/v1/organizations/${owner.tenantId}/leave`)).expect(204);
    await member.auth(t.http.get(`/api/v1/organizations/${owner.tenantId}`)).expect(404);
    const last = await owner.auth(t.http.post(`/api/v1/organizations/${owner.tenantId}/leave`)).expect(409);
    expect(last.body.code).toBe('last_owner');
    const audit = await owner.auth(t.http.get('/api/v1/audit-logs?action=member.left')).expect(200);
    expect(audit.body.items.map((a: { target: string }) => a.target)).toEqual([member.userId]);
  });

  it('acts in the default organization when a user with two memberships sends no X-Organization-Id', async () => {
    const own = await signUp(t, { orgName: 'Mine' });
    const other = await signUp(t, { orgName: 'Theirs' });
    const id = await invite(t, other, own.email, 'viewer');
    await t.http
      .post(`/api/v1/invitations/${id}/accept`)
      .set('Authorization', `Bearer ${own.accessToken}`)
      .expect(200);
    const bare = (path: string) => t.http.get(path).set('Authorization', `Bearer ${own.accessToken}`);

    // Joining a second organization changes nothing for requests without the header.
    const me = await bare('/api/v1/auth/me').expect(200);
    expect(me.body).toMatchObject({
      tenantId: own.tenantId,
      role: 'owner',
      defaultOrganizationId: own.tenantId,
    });
    await bare('/api/v1/agents').expect(200);

    await t.http
      .patch('/api/v1/auth/me')
      .set('Authorization', `Bearer ${own.accessToken}`)
      .send({ defaultOrganizationId: other.tenantId })
      .expect(200);
    const switched = await bare('/api/v1/auth/me').expect(200);
    expect(switched.body).toMatchObject({
      tenantId: other.tenantId,
      role: 'viewer',
      defaultOrganizationId: other.tenantId,
    });
    // X-Organization-Id still wins.
    await own
      .auth(t.http.get('/api/v1/auth/me'))
      .expect(200)
      .expect((r) => expect(r.body.role).toBe('owner'));

    const stranger = await signUp(t);
    await t.http
      .patch('/api/v1/auth/me')
      .set('Authorization', `Bearer ${own.accessToken}`)
      .send({ defaultOrganizationId: stranger.tenantId })
      .expect(404);
    await t.http
      .patch('/api/v1/auth/me')
      .set('Authorization', `Bearer ${own.accessToken}`)
      .send({ defaultOrganizationId: 'nope' })
      .expect(400);

    // Leaving the default organization falls back to the remaining one.
    await t.http
      .post(`/api/v1/organizations/${other.tenantId}/leave`)
      .set('Authorization', `Bearer ${own.accessToken}`)
      .expect(204);
    const after = await bare('/api/v1/auth/me').expect(200);
    expect(after.body).toMatchObject({ tenantId: own.tenantId, defaultOrganizationId: own.tenantId });
  });
});
