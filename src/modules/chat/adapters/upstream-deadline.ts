import type { AppConfig } from '../../../config/app-config';
import { UpstreamError } from '../domain/llm-provider.port';

/**
 * Our own abort signal for one provider call, with the time limits, so a timeout is told apart from the
 * client going away whatever error the HTTP client throws: CHAT_UPSTREAM_TIMEOUT_MS until the answer (or
 * the first chunk of a stream); then, for a stream, CHAT_STREAM_IDLE_TIMEOUT_MS between chunks and
 * CHAT_STREAM_MAX_DURATION_MS in all. `toUpstreamError` maps the client's own errors (both providers share
 * the limits, each maps its HTTP client's errors).
 */
export function upstreamDeadline(
  signal: AbortSignal,
  limits: Pick<AppConfig['chat'], 'upstreamTimeoutMs' | 'streamIdleTimeoutMs' | 'streamMaxDurationMs'>,
  streaming: boolean,
  toUpstreamError: (error: unknown) => Error,
) {
  // One controller fed by both sources (cheaper than AbortSignal.any on every call).
  const controller = new AbortController();
  const { upstreamTimeoutMs, streamIdleTimeoutMs, streamMaxDurationMs } = limits;
  let expired: 'answer' | 'idle' | 'total' | undefined;
  const expire = (why: typeof expired) => () => {
    expired = why;
    controller.abort();
  };
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const first = setTimeout(expire('answer'), upstreamTimeoutMs);
  const total = streaming ? setTimeout(expire('total'), streamMaxDurationMs) : undefined;
  let idle: NodeJS.Timeout | undefined;
  return {
    signal: controller.signal,
    /** Bytes of the answer arrived: the idle clock starts again (refresh() re-arms without a new timer). */
    progressed: () => {
      if (idle) idle.refresh();
      else {
        clearTimeout(first);
        idle = setTimeout(expire('idle'), streamIdleTimeoutMs);
      }
    },
    dispose: () => {
      clearTimeout(first);
      clearTimeout(total);
      clearTimeout(idle);
      signal.removeEventListener('abort', onAbort);
    },
    error: (error: unknown): Error => {
      if (!expired || signal.aborted) return toUpstreamError(error);
      const message =
        expired === 'answer'
          ? 'The model provider did not answer in time'
          : expired === 'idle'
            ? `The model provider sent nothing for ${streamIdleTimeoutMs} ms`
            : `The model provider's answer took longer than ${streamMaxDurationMs} ms`;
      const code =
        expired === 'answer'
          ? 'upstream_timeout'
          : expired === 'idle'
            ? 'upstream_stream_idle'
            : 'upstream_stream_too_long';
      return new UpstreamError('upstream_timeout', code, message, false);
    },
  };
}

export type UpstreamDeadline = ReturnType<typeof upstreamDeadline>;
