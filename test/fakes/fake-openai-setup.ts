import { DataSource } from 'typeorm';
import { TestApp } from '../support/test-app';
import { FakeOpenAi } from './fake-openai';

/** Env that points the app's default provider at the fake. */
export const chatEnv = (fake: FakeOpenAi, extra: Record<string, string> = {}): Record<string, string> => ({
  OPENAI_BASE_URL: fake.url,
  OPENAI_API_KEY: 'sk-fake',
  CHAT_RETRY_BASE_MS: '5',
  ...extra,
});

export async function waitFor<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sql = (t: TestApp, query: string, params: unknown[] = []): Promise<any[]> =>
  t.app.get(DataSource).query(query, params);

export interface SseEvent {
  event?: string;
  data: string;
}

export function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data };
    });
}
