import { MailedEvent } from './notification';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContext {
  organizationName: string;
  publicBaseUrl: string;
}

/** For HTML bodies: every value that came from a user (names, numbers, addresses) goes through this. */
export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const str = (v: unknown, fallback = ''): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
const day = (v: unknown): string => str(v).slice(0, 10);

interface Template {
  subject: string;
  /** Paragraphs, plain text; the HTML body is the same paragraphs escaped. */
  lines: string[];
}

function template(type: MailedEvent, p: Record<string, unknown>, ctx: MailContext): Template {
  const org = ctx.organizationName;
  const base = ctx.publicBaseUrl;
  const amount = `${str(p.total)} ${str(p.currency)}`;
  switch (type) {
    case 'invoice.finalized':
      return {
        subject: `[${org}] Invoice ${str(p.number)} for ${amount}`,
        lines: [
          `Invoice ${str(p.number)} (${day(p.periodStart)} to ${day(p.periodEnd)}) was issued for ${amount}.`,
          p.dueAt ? `It is due on ${day(p.dueAt)}.` : 'Nothing is left to pay.',
          'The invoice is attached as a PDF.',
        ],
      };
    case 'invoice.payment_failed':
      return {
        subject: `[${org}] Payment failed for invoice ${str(p.number)}`,
        lines: [
          `The payment of invoice ${str(p.number)} (${amount}) failed.`,
          'The subscription is past due until the invoice is paid: update the payment method or pay it another way.',
        ],
      };
    case 'credits.low':
      return {
        subject: `[${org}] Credit balance low: ${str(p.balance)} ${str(p.currency)}`,
        lines: [
          `The credit balance of customer ${str(p.externalId, str(p.customerId))} fell to ${str(p.balance)} ${str(p.currency)}, ` +
            `below ${str(p.threshold)} ${str(p.currency)}.`,
          'Top up the credits to keep prepaid usage running.',
        ],
      };
    case 'subscription.trial_ending':
      return {
        subject: `[${org}] Trial ends on ${day(p.trialEnd)}`,
        lines: [
          `The trial of subscription ${str(p.subscriptionId)} ends on ${str(p.trialEnd)}.`,
          'The paid period starts then and is invoiced under the plan.',
        ],
      };
    case 'spend_cap.reached':
      return {
        subject: `[${org}] Spend cap of ${str(p.limit)} ${str(p.currency)} reached`,
        lines: [
          p.apiKeyId
            ? `API key ${str(p.apiKeyId)} reached its spend cap of ${str(p.limit)} ${str(p.currency)} this month.`
            : `Customer ${str(p.customerId)} reached its spend cap of ${str(p.limit)} ${str(p.currency)} for this period.`,
          'Model requests over the cap are refused (402) until the period ends or the cap is raised.',
        ],
      };
    case 'member.invited':
      return {
        subject: `You are invited to join ${str(p.organizationName)}`,
        lines: [
          'Hello,',
          `you are invited to join the organization "${str(p.organizationName)}" as ${str(p.role)}.`,
          `Sign in at ${base} with ${str(p.email)} (or create an account with this address and verify it), ` +
            `then accept or decline: GET ${base}/api/v1/invitations lists your invitations, ` +
            `POST ${base}/api/v1/invitations/${str(p.invitationId)}/accept accepts this one.`,
          `The invitation expires on ${str(p.expiresAt)}. If you do not know this organization, ignore this ` +
            'mail: nothing happens unless you accept.',
        ],
      };
  }
}

/** Subject, plain-text and HTML bodies of one event's mail. */
export function composeMail(
  type: MailedEvent,
  payload: Record<string, unknown>,
  ctx: MailContext,
): ComposedMail {
  const { subject, lines } = template(type, payload, ctx);
  const footer =
    type === 'member.invited'
      ? []
      : [
          `Sent by Tollgate for ${ctx.organizationName}. Change these mails with PUT /api/v1/notification-settings.`,
        ];
  const paragraphs = [...lines, ...footer];
  return {
    subject,
    text: paragraphs.join('\n\n') + '\n',
    html:
      `<!doctype html><html><body>` +
      paragraphs.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
      `</body></html>`,
  };
}
