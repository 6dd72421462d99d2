import { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { MailMessage, Mailer } from '../contracts/mailer';

/**
 * Sends through an SMTP relay with nodemailer. A small connection pool keeps one TLS handshake for many
 * messages; every step has a deadline so a stuck relay fails the send instead of holding the caller.
 */
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    super();
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 3,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    } as never);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
