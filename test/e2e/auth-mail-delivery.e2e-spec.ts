import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createRootLogger } from '../../src/shared/logging/logger';
import { FakeSmtpServer } from '../fakes/fake-smtp-server';
import { startTestApp } from '../support/test-app';
import { signUp, TEST_PASSWORD } from '../support/auth';
import { until } from '../support/until';
import { PasswordHasher } from '../../src/modules/auth/application/password-hasher';

const address = () => `m-${randomBytes(5).toString('hex')}@example.test`;

/** A logger whose JSON lines the test reads. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createRootLogger('info', sink) };
}

describe('mail delivery', () => {
  it('a relay that refuses neither fails nor holds sign-up and invitations; the log names no address or token', async () => {
    const relay = await new FakeSmtpServer({ refuseRecipient: (a) => a.startsWith('m-') }).start();
    const { lines, logger } = capturedLogger();
    // Workers: invitation mails are sent by the notifications worker (a 5xx refusal is not retried).
    const app = await startTestApp({ env: { SMTP_URL: relay.url }, logger, workers: true });
    const t = { ...app, smtp: relay }; // the app sends to this relay
    try {
      const email = address();
      await t.http
        .post('/api/v1/auth/register')
        .send({ email, password: TEST_PASSWORD, name: 'M' })
        .expect(202);
      const owner = await signUp(t); // a deliverable address: its verification mail goes through
      const invited = address();
      await owner
        .auth(t.http.post(`/api/v1/organizations/${owner.tenantId}/members`))
        .send({ email: invited, role: 'member' })
        .expect(201);
      const failures = await until(
        async () => lines.filter((l) => l.includes('mail could not be sent')),
        (f) => f.length >= 2,
      );
      expect(failures).toHaveLength(2);
      expect(failures.map((l) => JSON.parse(l).smtpStatus)).toEqual([550, 550]);
      const all = lines.join('\n');
      expect(all).not.toContain(email);
      expect(all).not.toContain(invited);
      expect(all).not.toMatch(/ev_[A-Za-z0-9_-]{20,}/);
    } finally {
      await app.close();
      await relay.close();
    }
  });

  it('without SMTP_URL, writes each message to the log (development needs no mail server)', async () => {
    const { lines, logger } = capturedLogger();
    const t = await startTestApp({ env: { SMTP_URL: '' }, logger });
    try {
      const email = address();
      await t.http
        .post('/api/v1/auth/register')
        .send({ email, password: TEST_PASSWORD, name: 'Dev' })
        .expect(202);
      const logged = await until(
        async () => lines.map((l) => JSON.parse(l)).filter((l) => l.mail?.to?.includes(email)),
        (found) => found.length > 0,
      );
      expect(logged[0]).toMatchObject({
        msg: expect.stringMatching(/SMTP_URL unset/),
        mail: { subject: 'Verify your email address', text: expect.stringMatching(/token=ev_/) },
      });
      expect(t.smtp.received).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('hashes the password for a taken address as for a new one, so the time tells neither apart', async () => {
    // argon2 is the sign-up's dominant cost: a path that skipped it would answer a taken address sooner.
    // Counted rather than timed, which on a shared machine is noise.
    const t = await startTestApp();
    try {
      const verified = await signUp(t);
      const unverified = address();
      await t.http
        .post('/api/v1/auth/register')
        .send({ email: unverified, password: TEST_PASSWORD, name: 'U' })
        .expect(202);
      const hash = jest.spyOn(t.app.get(PasswordHasher), 'hash');
      const answers: unknown[] = [];
      for (const email of [address(), verified.email, unverified]) {
        hash.mockClear();
        const answer = await t.http
          .post('/api/v1/auth/register')
          .send({ email, password: TEST_PASSWORD, name: 'T', organizationName: 'T Co' })
          .expect(202);
        expect({ email, hashes: hash.mock.calls.length }).toEqual({ email, hashes: 1 });
        answers.push(answer.body);
      }
      // And the same answer: the status code and body do not tell them apart either.
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    } finally {
      await t.close();
    }
  });
});
