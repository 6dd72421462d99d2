import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress } from 'smtp-server';

export interface ReceivedMailPart {
  contentType: string;
  filename?: string;
  content: Buffer;
}

export interface ReceivedMail {
  /** Envelope sender and recipients (MAIL FROM / RCPT TO), as the relay saw them. */
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Record<string, string>;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments: ReceivedMailPart[];
  raw: string;
  at: number;
}

export interface FakeSmtpOptions {
  /** When set, AUTH is required and must match; otherwise AUTH is optional (like a local relay). */
  user?: { username: string; password: string };
  /** Recipients refused with 550 at RCPT TO, as a real relay refuses unknown or blocked mailboxes. */
  refuseRecipient?: (address: string) => boolean;
  /** Largest message accepted (SIZE extension); bigger ones get 552. */
  maxBytes?: number;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package): the application's nodemailer
 * transport talks the whole protocol to it. Every accepted message is parsed (MIME multipart, base64,
 * quoted-printable, encoded-word subjects) and kept so tests can read what was sent.
 */
export class FakeSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** The next this many recipients get a transient 451 at RCPT TO (a relay that is busy or greylisting). */
  deferNext = 0;
  private server!: SMTPServer;
  port = 0;

  constructor(private readonly options: FakeSmtpOptions = {}) {}

  /** SMTP_URL for the application under test. */
  get url(): string {
    const u = this.options.user;
    const auth = u ? `${encodeURIComponent(u.username)}:${encodeURIComponent(u.password)}@` : '';
    return `smtp://${auth}127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const { user, refuseRecipient, maxBytes } = this.options;
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      allowInsecureAuth: true,
      authOptional: !user,
      size: maxBytes,
      logger: false,
      onAuth(auth, _session, cb) {
        if (user && auth.username === user.username && auth.password === user.password)
          return cb(null, { user: auth.username });
        const err = new Error('Invalid username or password') as Error & { responseCode: number };
        err.responseCode = 535;
        cb(err);
      },
      onRcptTo: (address: SMTPServerAddress, _session, cb) => {
        if (this.deferNext > 0) {
          this.deferNext--;
          const err = new Error('Try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return cb(err);
        }
        if (refuseRecipient?.(address.address)) {
          const err = new Error(`Mailbox unavailable: ${address.address}`) as Error & {
            responseCode: number;
          };
          err.responseCode = 550;
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            const err = new Error('Message exceeds fixed maximum message size') as Error & {
              responseCode: number;
            };
            err.responseCode = 552;
            return cb(err);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          this.received.push(parseMail(raw, envelopeFrom, envelopeTo));
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Mails addressed (envelope) to `address`, case-insensitive. */
  mailsTo(address: string): ReceivedMail[] {
    const want = address.toLowerCase();
    return this.received.filter((m) => m.envelopeTo.some((t) => t.toLowerCase() === want));
  }

  /** Resolves with the first `count` mails matching `filter`, or rejects after `timeoutMs`. */
  async waitFor(
    filter: (m: ReceivedMail) => boolean,
    count = 1,
    timeoutMs = 10_000,
  ): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.received.filter(filter);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline)
        throw new Error(
          `expected ${count} mail(s), got ${matching.length}; all received: ${JSON.stringify(
            this.received.map((m) => ({ to: m.envelopeTo, subject: m.subject })),
          )}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits for the next mail to `address` (counting those already there) and returns it. */
  async nextMailTo(address: string, alreadySeen = 0, timeoutMs = 10_000): Promise<ReceivedMail> {
    const want = address.toLowerCase();
    const mails = await this.waitFor(
      (m) => m.envelopeTo.some((t) => t.toLowerCase() === want),
      alreadySeen + 1,
      timeoutMs,
    );
    return mails[alreadySeen];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// --- a small MIME reader: enough for what nodemailer writes ------------------------------------------

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitHeaders(raw: string): Part {
  const idx = raw.search(/\r?\n\r?\n/);
  const head = idx < 0 ? raw : raw.slice(0, idx);
  const body = idx < 0 ? '' : raw.slice(idx).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  // Folded header lines continue with leading whitespace.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function param(header: string | undefined, name: string): string | undefined {
  const m = header?.match(new RegExp(`${name}\\*?=(?:"([^"]*)"|([^;\\s]+))`, 'i'));
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeTransfer(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable': {
      const soft = body.replace(/=\r?\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < soft.length; i++) {
        if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
          bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
          i += 2;
        } else bytes.push(...Buffer.from(soft[i], 'utf8'));
      }
      return Buffer.from(bytes);
    }
    default:
      return Buffer.from(body, 'utf8');
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeTransfer(text.replace(/_/g, ' '), 'quoted-printable').toString('utf8'),
    );
}

function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /^multipart\//i.test(type) ? param(type, 'boundary') : undefined;
  if (!boundary) return [part];
  const sections = part.body.split(
    new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  return sections
    .slice(1)
    .filter((s) => !s.startsWith('--'))
    .flatMap((s) => leaves(splitHeaders(s.replace(/^\r?\n/, ''))));
}

function parseMail(raw: string, envelopeFrom: string, envelopeTo: string[]): ReceivedMail {
  const top = splitHeaders(raw);
  const mail: ReceivedMail = {
    envelopeFrom,
    envelopeTo,
    headers: top.headers,
    from: decodeWords(top.headers.from ?? ''),
    to: decodeWords(top.headers.to ?? ''),
    subject: decodeWords(top.headers.subject ?? ''),
    text: '',
    attachments: [],
    raw,
    at: Date.now(),
  };
  for (const leaf of leaves(top)) {
    const type = (leaf.headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
    const disposition = leaf.headers['content-disposition'];
    const content = decodeTransfer(leaf.body, leaf.headers['content-transfer-encoding']);
    const filename = param(disposition, 'filename') ?? param(leaf.headers['content-type'], 'name');
    if (/^attachment/i.test(disposition ?? '') || filename)
      mail.attachments.push({ contentType: type, filename, content });
    else if (type === 'text/html') mail.html = content.toString('utf8');
    else if (type === 'text/plain') mail.text = content.toString('utf8').replace(/\r\n/g, '\n');
  }
  return mail;
}
