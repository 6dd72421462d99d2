import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem-details';
import { RequestContextStore } from '../context/request-context';

/** The one place errors become HTTP responses (see problem-details.ts for the mapping). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(error, request, reply, this.logger);
  }
}

export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
): void {
  const cls = ClsServiceManager.getClsService<RequestContextStore>();
  const requestId = (cls.isActive() && cls.get('requestId')) || String(request.id);
  const { problem, headers } = toProblem(error, request.url, requestId);
  if (problem.status >= 500 && problem.code === 'internal_error') {
    logger.error({ err: error, requestId }, 'Unhandled error');
  }
  if (reply.sent) return; // a stream already started: nothing more can be said over HTTP
  void reply
    .status(problem.status)
    .headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE })
    .send(problem);
}
