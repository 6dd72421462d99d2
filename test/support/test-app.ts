import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { Clock } from '../../src/shared/domain/clock.port';
import { createRootLogger } from '../../src/shared/logging/logger';
import { createHttpApp } from '../../src/http-app';
import type { Logger } from 'pino';
import { FakeSmtpServer } from '../fakes/fake-smtp-server';
import { installResponseContract } from './response-contract';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: TestAgent;
  /** Base URL when started with listen: true (for real HTTP clients such as the openai SDK). */
  url?: string;
  /** The SMTP server the app sends mail to (unless the test set SMTP_URL itself): read sent mail here. */
  smtp: FakeSmtpServer;
  close(): Promise<void>;
}

/**
 * The real application (same bootstrap as main.ts) against this run's Postgres database and Redis
 * prefix (see test/setup/global-setup.ts), sending mail to an in-process SMTP server. Override any env var
 * for the test. Every answer is checked against the OpenAPI document (see response-contract.ts).
 */
export async function startTestApp(
  opts: {
    env?: Record<string, string>;
    workers?: boolean;
    clock?: Clock;
    listen?: boolean;
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const smtp = await new FakeSmtpServer().start();
  let app: NestFastifyApplication;
  let config: AppConfig;
  try {
    config = loadConfig(process.env, { SMTP_URL: smtp.url, ...opts.env });
    const logger = opts.logger ?? createRootLogger(config.logLevel);
    app = await createHttpApp({
      config,
      logger,
      workers: opts.workers ?? false,
      clock: opts.clock,
      inspect: installResponseContract,
    });
  } catch (error) {
    // Tests that expect the start to fail get no handle to close: the mail server must not outlive them.
    await smtp.close();
    throw error;
  }
  let url: string | undefined;
  if (opts.listen) {
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
    url = url.replace('[::1]', '127.0.0.1');
  }
  return {
    app,
    config,
    http: request(app.getHttpServer()),
    url,
    smtp,
    close: async () => {
      await app.close();
      await smtp.close();
    },
  };
}
