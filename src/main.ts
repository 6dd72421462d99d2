import './shared/runtime/require-node';
import 'reflect-metadata';
import { loadDotenv } from './config/load-dotenv';
import { ConfigError } from './config/app-config';
import { loadConfigWithSecrets } from './config/vault-secrets';
import { createRootLogger } from './shared/logging/logger';
import { createHttpApp } from './http-app';

/** HTTP API. With WORKERS_IN_API=true (the default, for one machine) it also runs the BullMQ workers. */
async function main() {
  loadDotenv();
  const config = await loadConfigWithSecrets();
  const logger = createRootLogger(config.logLevel);
  const app = await createHttpApp({ config, logger, workers: config.workersInApi });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ port: config.port, workers: config.workersInApi }, 'Tollgate API listening');
}

main().catch((error: unknown) => {
  // Config errors name the variable; print them plainly so start-up failures are obvious.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
