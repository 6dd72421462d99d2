import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sendProblem } from './problem-details.filter';

/** The error the deadline answers with; toProblem maps it to 503 `request_timeout` with Retry-After. */
const DEADLINE_PASSED = Object.assign(new Error('The request deadline passed'), {
  code: 'FST_ERR_HANDLER_TIMEOUT',
});

/**
 * REQUEST_TIMEOUT_MS for every request: one still unanswered then gets 503 problem+json with Retry-After,
 * whatever it is waiting on. Fastify's own `handlerTimeout` is not used: it is cancelled as soon as a
 * request body has been read (Node closes the request stream then), so it never covers a POST. Event
 * streams (hijacked replies) are bounded by the chat stream timeouts instead; model calls, which may
 * legitimately take longer, by the chat upstream timeouts (CHAT_UPSTREAM_TIMEOUT_MS and retries).
 */
export function installRequestDeadline(
  fastify: FastifyInstance,
  timeoutMs: number,
  logger: Logger,
  exempt: (url: string) => boolean,
): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (exempt(request.url)) return done();
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent || reply.raw.destroyed) return;
      sendProblem(DEADLINE_PASSED, request, reply, logger);
    }, timeoutMs);
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}
