import './shared/runtime/require-node';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadDotenv } from './config/load-dotenv';
import { ConfigError } from './config/app-config';
import { loadConfigWithSecrets } from './config/vault-secrets';
import { createRootLogger } from './shared/logging/logger';
import { PinoNestLogger } from './shared/logging/nest-logger';
import { AppModule } from './app.module';

/** BullMQ workers only (no HTTP): scale these separately from API replicas, all on the same Redis. */
async function worker() {
  loadDotenv();
  const config = await loadConfigWithSecrets();
  const logger = createRootLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, logger, workers: true }),
    {
      logger: new PinoNestLogger(logger),
    },
  );
  app.enableShutdownHooks();
  logger.info('Tollgate workers running');
}

worker().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
