/** One outgoing email. Bodies come as plain text and, where the sender has one, HTML. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Outgoing mail. Adapters: SMTP (nodemailer, `SMTP_URL`, `MAIL_FROM`) and a development adapter that
 * writes each message to the log (the default when `SMTP_URL` is unset). Any module may send.
 */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}

/**
 * What a failed send may log: the relay's status, never the address or the body (a relay's error text
 * usually quotes the recipient, and bodies hold tokens).
 */
export function describeMailFailure(err: unknown): { smtpCode?: string; smtpStatus?: number } {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  return {
    smtpCode: typeof e.code === 'string' ? e.code : undefined,
    smtpStatus: typeof e.responseCode === 'number' ? e.responseCode : undefined,
  };
}
