import 'reflect-metadata';
import { loadConfig } from '../../src/config/app-config';
import { createRootLogger } from '../../src/shared/logging/logger';
import { createHttpApp } from '../../src/http-app';

/** The real application, as main.ts builds it (workers off), on an ephemeral port. */
async function main() {
  const config = loadConfig(process.env, { PORT: '0', MIGRATIONS_RUN: process.env.MIGRATIONS_RUN ?? 'true' });
  const logger = createRootLogger(process.env.BENCH_LOG_LEVEL ?? 'info');
  const app = await createHttpApp({ config, logger, workers: false });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  process.send!({ port });
}
void main();
