import Fastify from 'fastify';
import { Pool } from 'undici';
import { answerCpuAsks } from './cpu-probe';

/**
 * The gateway's own stack with none of its work: Fastify in front, undici's keep-alive Pool behind, the body
 * forwarded as raw bytes and the answer streamed back (JSON or events alike). Measured beside the no-logic
 * node:http proxy (BENCH_FLOORS=fastify), it tells how much of the gateway's cost is the HTTP stack it is
 * built on and how much is its own work (keys, limits, budgets, metering, hooks).
 */
async function main() {
  const upstream = new URL(process.env.UPSTREAM_URL!);
  const pool = new Pool(upstream.origin, { connections: 128, pipelining: 1 });
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post('/*', async (request, reply) => {
    const answer = await pool.request({
      path: request.url,
      method: 'POST',
      headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
      body: request.body as Buffer,
    });
    const type = answer.headers['content-type'];
    if (typeof type === 'string') void reply.type(type);
    return reply.status(answer.statusCode).send(answer.body);
  });
  answerCpuAsks();
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ port: (app.server.address() as { port: number }).port });
}
void main();
