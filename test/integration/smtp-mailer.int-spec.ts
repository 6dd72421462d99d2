import { createServer, Server } from 'node:net';
import { AddressInfo } from 'node:net';
import { SmtpMailer } from '../../src/shared/mail/smtp-mailer';
import { FakeSmtpServer } from '../fakes/fake-smtp-server';

describe('SmtpMailer against a real SMTP server (in-process)', () => {
  let smtp: FakeSmtpServer;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    smtp = await new FakeSmtpServer({
      user: { username: 'relay', password: 's3cret' },
      refuseRecipient: (a) => a.endsWith('@blocked.test'),
    }).start();
    mailer = new SmtpMailer(smtp.url, 'Tollgate <billing@tollgate.test>', 2000);
  });
  afterAll(async () => {
    mailer.onApplicationShutdown();
    await smtp.close();
  });

  it('delivers text, HTML, a non-ASCII subject and an attachment, all readable by the test', async () => {
    const pdf = Buffer.from('%PDF-1.7 fake invoice\n');
    await mailer.send({
      to: ['Ana@Example.test'],
      subject: 'Rechnung für März — 12,50 €',
      text: 'Hello Ana,\nyour link: http://localhost:3000/verify?token=abc.def_ghi\n',
      html: '<p>Hello <b>Ana</b></p>',
      attachments: [{ filename: 'INV-2026-000001.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    const [mail] = await smtp.waitFor((m) => m.subject.startsWith('Rechnung'));
    expect(mail.envelopeFrom).toBe('billing@tollgate.test');
    expect(mail.envelopeTo).toEqual(['Ana@example.test']); // nodemailer lower-cases the domain only
    expect(mail.from).toContain('billing@tollgate.test');
    expect(mail.subject).toBe('Rechnung für März — 12,50 €');
    expect(mail.text).toContain('token=abc.def_ghi');
    expect(mail.html).toBe('<p>Hello <b>Ana</b></p>');
    expect(mail.attachments).toEqual([
      { contentType: 'application/pdf', filename: 'INV-2026-000001.pdf', content: pdf },
    ]);
    expect(smtp.mailsTo('ana@example.test')).toHaveLength(1);
  });

  it('fails the send when the relay refuses the recipient (550)', async () => {
    await expect(mailer.send({ to: ['x@blocked.test'], subject: 's', text: 't' })).rejects.toThrow(
      /550|unavailable/i,
    );
  });

  it('fails the send when the relay refuses the credentials (535)', async () => {
    const wrong = new SmtpMailer(smtp.url.replace('s3cret', 'nope'), 'a@b.test', 2000);
    try {
      await expect(wrong.send({ to: ['a@example.test'], subject: 's', text: 't' })).rejects.toThrow(
        /535|auth/i,
      );
    } finally {
      wrong.onApplicationShutdown();
    }
  });

  it('gives up on a relay that accepts the connection but never greets, within its deadline', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const stuck = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'a@b.test', 300);
    const started = Date.now();
    try {
      await expect(stuck.send({ to: ['a@example.test'], subject: 's', text: 't' })).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      stuck.onApplicationShutdown();
      silent.close();
    }
  });
});
