import { InvalidError } from '../../../shared/domain/domain-error';
import { UpstreamError } from '../domain/llm-provider.port';

/**
 * A provider's error status in the API's terms: 429 keeps the provider's Retry-After, 400/404/422 are the
 * caller's request refused, 401/403 our credentials, 5xx (and no status: a broken stream) retryable.
 * `message` is the provider's own, as "<status> <message>".
 */
export function upstreamErrorForStatus(status: number, retryAfter: string | null, message: string): Error {
  if (status === 429)
    return new UpstreamError(
      'rate_limited',
      'upstream_rate_limited',
      'The model provider is rate limiting',
      false,
      {
        retryAfterSeconds: Number(retryAfter) || 1,
      },
    );
  if (status === 400 || status === 404 || status === 422)
    return new InvalidError('upstream_rejected', `The model provider refused the request: ${message}`);
  if (status === 401 || status === 403)
    return new UpstreamError(
      'upstream_failed',
      'upstream_auth_failed',
      'The model provider refused our credentials',
      false,
    );
  return new UpstreamError(
    'upstream_failed',
    'upstream_error',
    `The model provider failed (${status || 'stream error'})`,
    status >= 500 || !status,
  );
}

export const upstreamTimeout = () =>
  new UpstreamError(
    'upstream_timeout',
    'upstream_timeout',
    'The model provider did not answer in time',
    false,
  );

export const upstreamUnreachable = () =>
  new UpstreamError(
    'upstream_failed',
    'upstream_unreachable',
    'The model provider could not be reached',
    true,
  );

export const callAborted = () =>
  new UpstreamError('upstream_failed', 'aborted', 'The call was aborted', false);
