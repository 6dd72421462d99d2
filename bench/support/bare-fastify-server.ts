import Fastify from 'fastify';

/** The baseline: a bare Fastify server answering GET /health like ours, nothing else. */
async function main() {
  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ status: 'ok' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ port: (app.server.address() as { port: number }).port });
}
void main();
