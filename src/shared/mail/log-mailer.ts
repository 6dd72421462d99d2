import { Logger } from '@nestjs/common';
import { MailMessage, Mailer } from '../contracts/mailer';

/**
 * Development mailer: writes each message to the log instead of sending it, so `npm start` needs no mail
 * server and links (email verification, invitations) can be copied from the console.
 */
export class LogMailer extends Mailer {
  private readonly logger = new Logger('Mail');

  constructor(private readonly from: string) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    this.logger.log({
      msg: 'mail not sent (SMTP_URL unset); content follows',
      mail: {
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: message.attachments?.map((a) => ({ filename: a.filename, bytes: a.content.length })),
      },
    });
  }
}
