import { WEBHOOK_EVENT_TYPES } from '../../../shared/contracts/webhook-events';
import { InvalidError } from '../../../shared/domain/domain-error';
import { WebhookSender } from '../../../shared/contracts/webhook-sender';

const KNOWN_TYPES = new Set<string>([...WEBHOOK_EVENT_TYPES, '*']);

/** What creating and changing an endpoint both check: known event types, a URL the sender will call. */
export function checkEventTypes(types: string[]): void {
  const unknown = types.filter((t) => !KNOWN_TYPES.has(t));
  if (unknown.length)
    throw new InvalidError('unknown_event_type', `Unknown event type(s): ${unknown.join(', ')}`, [
      { field: 'eventTypes', message: `allowed: ${[...KNOWN_TYPES].join(', ')}` },
    ]);
}

export async function checkUrl(sender: WebhookSender, url: string): Promise<void> {
  const problem = await sender.checkUrl(url);
  if (problem) throw new InvalidError('webhook_url_refused', problem, [{ field: 'url', message: problem }]);
}
