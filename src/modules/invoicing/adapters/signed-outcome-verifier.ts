import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RecordedOutcome } from '../../../shared/contracts/billing-for-invoicing';
import { Clock } from '../../../shared/domain/clock.port';
import { WebhookSender } from '../../../shared/contracts/webhook-sender';
import { SIGNATURE_HEADER, signPayload } from '../../../shared/contracts/webhook-signature';
import { OutcomeVerifier, Verdict } from '../domain/outcome-verifier.port';

/** Calls the tenant's verification webhook through the SSRF-guarded webhook sender, signed like outbound webhooks. */
@Injectable()
export class SignedOutcomeVerifier extends OutcomeVerifier {
  constructor(
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async ask(url: string, secret: string, outcome: RecordedOutcome): Promise<Verdict> {
    const body = JSON.stringify({
      type: 'outcome.verification_requested',
      outcome: { ...outcome, createdAt: outcome.createdAt.toISOString() },
    });
    const t = Math.floor(this.clock.now().getTime() / 1000);
    const res = await this.sender.post(
      url,
      body,
      {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signPayload(secret, t, body),
      },
      { timeoutMs: this.config.invoicing.outcomeTimeoutMs },
    );
    if (res.statusCode === null || res.statusCode < 200 || res.statusCode >= 300)
      return { ok: false, error: res.error ?? `verification webhook answered ${res.statusCode}` };
    try {
      const parsed = JSON.parse(res.responseBody ?? '') as { verdict?: unknown; reason?: unknown };
      if (parsed.verdict !== 'verified' && parsed.verdict !== 'rejected')
        return { ok: false, error: 'verification webhook answered without a verdict' };
      return {
        ok: true,
        status: parsed.verdict,
        reason: typeof parsed.reason === 'string' ? parsed.reason.slice(0, 500) : undefined,
      };
    } catch {
      return { ok: false, error: 'verification webhook answered invalid JSON' };
    }
  }
}
