import { RecordedOutcome } from '../../../shared/contracts/billing-for-invoicing';

export type Verdict =
  { ok: true; status: 'verified' | 'rejected'; reason?: string } | { ok: false; error: string };

/**
 * Asks a tenant's verification webhook about an outcome: a signed POST (Tollgate-Signature, like outbound
 * webhooks) answered with `{"verdict":"verified"|"rejected","reason"?:string}`.
 */
export abstract class OutcomeVerifier {
  abstract ask(url: string, secret: string, outcome: RecordedOutcome): Promise<Verdict>;
}
