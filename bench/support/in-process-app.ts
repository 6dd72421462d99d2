import { ChildProcess, fork } from 'node:child_process';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { nodeArgsFor } from './load';

/**
 * The processes of the benches that run the real application beside a fake provider (chat-gateway, soak):
 * the bench file forks itself once per role ('fake', 'api') and each child tells the parent its port.
 */

/** Role 'fake': the fake OpenAI provider (test/fakes/fake-openai.ts) in this process. */
export async function runFakeProvider(): Promise<void> {
  const { startFakeOpenAi } = await import('../../test/fakes/fake-openai');
  const fake = await startFakeOpenAi();
  process.send!({ port: Number(new URL(fake.url).port) });
}

/**
 * Role 'api': the application as main.ts builds it, config from the environment, on an ephemeral port.
 * Answers the parent's 'exit' (a normal exit, so --cpu-prof can write its profile) and 'memory' (after a
 * GC) messages. The caller adds what else it needs, then sends `{ port }` with announcePort().
 */
export async function startInProcessApi(workers: boolean): Promise<NestFastifyApplication> {
  const { loadConfig } = await import('../../src/config/app-config');
  const { createRootLogger } = await import('../../src/shared/logging/logger');
  const { createHttpApp } = await import('../../src/http-app');
  const config = loadConfig(process.env, { PORT: '0' });
  const app = await createHttpApp({ config, logger: createRootLogger('warn'), workers });
  await app.listen(0, '127.0.0.1');
  process.on('message', (m: unknown) => {
    if (m === 'exit') process.exit(0);
    if (m !== 'memory') return;
    global.gc?.();
    process.send!({ memory: process.memoryUsage() });
  });
  return app;
}

export function announcePort(app: NestFastifyApplication): void {
  process.send!({ port: (app.getHttpServer().address() as { port: number }).port });
}

/**
 * Forks `file` (the bench itself) in a role, with the bench's Node options and `--expose-gc`; the API as
 * `npm start` runs it (see the Dockerfile), plus `extraExecArgv`. Resolves when the child sent its port.
 */
export function forkRole(
  file: string,
  args: string[],
  env: Record<string, string>,
  extraExecArgv: string[] = [],
): Promise<{ port: number; child: ChildProcess }> {
  const child = fork(file, args, {
    execArgv: [
      ...nodeArgsFor(file),
      '--expose-gc',
      ...(args[0] === 'api' ? ['--max-semi-space-size=64'] : []),
      ...extraExecArgv,
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ port: m.port, child }));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}
