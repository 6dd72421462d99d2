import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { buildOpenApiDocument } from '../src/shared/http/swagger';

/**
 * Writes the OpenAPI document exactly as /docs-json serves it, without a database, Redis or a listening
 * server: Nest's preview mode builds the module graph without instantiating providers.
 * Defaults only (not this machine's .env), so the committed document is the same everywhere.
 */
async function main(file: string) {
  const config = loadConfig({});
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, workers: false }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  const document = buildOpenApiDocument(app, { serverUrl: config.publicBaseUrl });
  await app.close();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
}

main(process.argv[2] ?? 'openapi.json').catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
