import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { toUpstreamError } from './openai-llm-provider';

describe('toUpstreamError', () => {
  it('maps timeouts to 504, connection errors and 5xx to retryable 502, 429 with Retry-After', () => {
    expect(toUpstreamError(new APIConnectionTimeoutError())).toMatchObject({
      kind: 'upstream_timeout',
      retryable: false,
    });
    expect(toUpstreamError(new APIConnectionError({ message: 'reset' }))).toMatchObject({
      kind: 'upstream_failed',
      retryable: true,
    });
    expect(toUpstreamError(APIError.generate(503, undefined, 'down', new Headers()))).toMatchObject({
      code: 'upstream_error',
      retryable: true,
    });
    expect(
      toUpstreamError(APIError.generate(429, undefined, 'slow', new Headers({ 'retry-after': '7' }))),
    ).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 7 },
    });
    expect(toUpstreamError(APIError.generate(400, undefined, 'bad', new Headers()))).toMatchObject({
      kind: 'invalid',
    });
  });
});
