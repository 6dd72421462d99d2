import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { AppConfig } from '../../../config/app-config';
import { normalizeEmail } from '../../../shared/domain/email';
import { newId } from '../../../shared/domain/ids';
import { TenantId } from '../../../shared/domain/tenant-id';
import { JobQueue } from '../../../shared/queue/job-queue.port';
import { QUEUES } from '../../../shared/queue/queue-names';
import {
  DEFAULT_SETTINGS,
  eventKeyOf,
  MailedEvent,
  NotificationOutbox,
  NotificationSettingsRepository,
  RecipientDirectory,
} from '../domain/notification';
import { sendJob } from './notification-jobs';

/**
 * An event happened: one outbox row per recipient (insert-if-absent on event key + recipient, so a
 * repeated event adds nothing) and one queued job per new row. Runs in the publisher's transaction when it
 * has one, so the rows commit with the event.
 */
@Injectable()
export class RecordNotification {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly settings: NotificationSettingsRepository,
    private readonly outbox: NotificationOutbox,
    private readonly directory: RecipientDirectory,
    private readonly jobs: JobQueue,
    private readonly txHost: TransactionHost,
    private readonly config: AppConfig,
  ) {}

  async execute(tenantId: TenantId, type: MailedEvent, payload: Record<string, unknown>): Promise<number> {
    const eventKey = eventKeyOf(type, payload);
    if (!eventKey) return 0;
    const recipients = await this.recipients(tenantId, type, payload);
    if (!recipients.length) return 0;
    const created = await this.outbox.insertNew(
      recipients.map((recipient) => ({
        id: newId(),
        tenantId,
        eventType: type,
        eventKey,
        recipient,
        payload,
        status: 'pending' as const,
        attempts: 0,
      })),
    );
    // Inside a transaction the rows are visible only after commit: the first try waits a moment (a job
    // that still cannot see its row is retried).
    const delay = this.txHost.isTransactionActive() ? 1000 : 0;
    try {
      await this.jobs.addBulk(
        QUEUES.notifications,
        created.map((n) => sendJob(this.config, n, delay)),
      );
    } catch (err) {
      // The rows are durable: the scheduled scan queues pending ones again, so Redis being down does not
      // fail the event that caused them.
      this.logger.warn({ msg: 'notification jobs not queued; the scan will retry', err, eventType: type });
    }
    return created.length;
  }

  private async recipients(
    tenantId: TenantId,
    type: MailedEvent,
    payload: Record<string, unknown>,
  ): Promise<string[]> {
    if (type === 'member.invited') return typeof payload.email === 'string' ? [payload.email] : [];
    const settings = (await this.settings.find(tenantId)) ?? DEFAULT_SETTINGS;
    if (!settings.enabledEvents.includes(type)) return [];
    const to = [
      ...(settings.recipientRoles.length
        ? await this.directory.memberEmails(tenantId, settings.recipientRoles)
        : []),
      ...settings.extraRecipients,
    ];
    if (settings.notifyCustomer && typeof payload.customerId === 'string') {
      const email = await this.directory.customerEmail(tenantId, payload.customerId);
      if (email) to.push(email);
    }
    return [...new Set(to.map(normalizeEmail))];
  }
}
