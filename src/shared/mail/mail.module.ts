import { Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Mailer } from '../contracts/mailer';
import { LogMailer } from './log-mailer';
import { SmtpMailer } from './smtp-mailer';

/** Provides the Mailer port: SMTP when SMTP_URL is set, otherwise the log. Import it where mail is sent. */
@Module({
  providers: [
    {
      provide: Mailer,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Mailer => {
        const { smtpUrl, from, smtpTimeoutMs } = config.mail;
        if (smtpUrl) return new SmtpMailer(smtpUrl, from, smtpTimeoutMs);
        if (config.nodeEnv === 'production')
          new Logger('Mail').warn('SMTP_URL is unset: mail is written to the log, not delivered');
        return new LogMailer(from);
      },
    },
  ],
  exports: [Mailer],
})
export class MailModule {}
