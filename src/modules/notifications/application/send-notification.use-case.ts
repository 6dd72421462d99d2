import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { InvoiceDocuments } from '../../../shared/contracts/invoice-documents';
import { describeMailFailure, Mailer, MailMessage } from '../../../shared/contracts/mailer';
import { Clock } from '../../../shared/domain/clock.port';
import { TenantId } from '../../../shared/domain/tenant-id';
import { composeMail } from '../domain/mail-templates';
import { Notification, NotificationOutbox, RecipientDirectory } from '../domain/notification';

/** A relay's 5xx answer (mailbox unknown, message refused) will not change on a retry; 4xx and I/O may. */
const isPermanent = (err: unknown): boolean => {
  const status = describeMailFailure(err).smtpStatus;
  return status !== undefined && status >= 500;
};

/**
 * Mails one outbox row, then marks it sent: a row already sent is skipped, so a retried or re-queued job
 * does not mail again. (A crash between the relay's acceptance and the mark can still send twice: SMTP has
 * no idempotency key.) Transient failures throw, for the queue to retry with backoff.
 */
@Injectable()
export class SendNotification {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly directory: RecipientDirectory,
    private readonly documents: InvoiceDocuments,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async execute(
    tenantId: TenantId,
    id: string,
    lastAttempt: boolean,
  ): Promise<'sent' | 'skipped' | 'failed'> {
    const n = await this.outbox.find(tenantId, id);
    // Written in its event's transaction: not visible until that commits (or never, if it rolled back).
    if (!n) throw new Error('notification not found (its transaction may not have committed yet)');
    if (n.status !== 'pending') return 'skipped';
    const message = await this.message(n);
    try {
      await this.mailer.send(message);
    } catch (err) {
      const permanent = isPermanent(err);
      const failure = describeMailFailure(err);
      await this.outbox.recordFailure(
        tenantId,
        id,
        failure.smtpStatus ? `smtp ${failure.smtpStatus}` : (failure.smtpCode ?? 'error'),
        permanent || lastAttempt,
      );
      if (permanent || lastAttempt) {
        this.logger.error({
          msg: 'mail could not be sent',
          notificationId: id,
          eventType: n.eventType,
          ...failure,
        });
        if (permanent) return 'failed';
      }
      throw err;
    }
    await this.outbox.markSent(tenantId, id, this.clock.now());
    return 'sent';
  }

  private async message(n: Notification): Promise<MailMessage> {
    const organizationName =
      n.eventType === 'member.invited' ? '' : await this.directory.organizationName(n.tenantId);
    const mail = composeMail(n.eventType, n.payload, {
      organizationName,
      publicBaseUrl: this.config.publicBaseUrl,
    });
    const message: MailMessage = { to: [n.recipient], ...mail };
    if (n.eventType === 'invoice.finalized') {
      const pdf = await this.documents.invoicePdf(n.tenantId, String(n.payload.invoiceId));
      if (pdf) message.attachments = [{ ...pdf, contentType: 'application/pdf' }];
    }
    return message;
  }
}
