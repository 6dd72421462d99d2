import pino from 'pino';
import { Writable } from 'node:stream';
import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp } from '../support/auth';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv } from '../fakes/fake-openai-setup';
import { until } from '../support/until';

const ROUTE = '/v1/chat/completions';

/**
 * Clients that close a stream half-way: the in-flight gauge comes back down, and every request (aborted
 * or not) leaves exactly one access-log line and one latency sample.
 */
describe('requests whose client goes away mid-stream', () => {
  let fake: FakeOpenAi;
  let app: TestApp;
  const lines: Array<{ msg: string; route?: string; status?: number; aborted?: boolean }> = [];

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    app = await startTestApp({ listen: true, env: chatEnv(fake), logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  const metrics = () => fetch(`${app.url}/metrics`).then((r) => r.text());
  const value = (text: string, series: string) =>
    Number(new RegExp(`^${series.replace(/[{}"/.]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  const samples = (text: string, status: number) =>
    value(text, `http_request_duration_seconds_count{method="POST",route="${ROUTE}",status="${status}"}`);

  it('10 aborted streams and 2 completed: gauge back to its level, 12 log lines, 12 samples', async () => {
    const owner = await signUp(app);
    const key = await createApiKey(app, owner, ['chat:invoke']);
    const before = await metrics();
    const inFlightBefore = value(before, 'http_requests_in_flight');

    const stream = async (abort: boolean) => {
      const controller = new AbortController();
      const res = await fetch(`${app.url}${ROUTE}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key.key },
        body: JSON.stringify({
          model: 'gpt-4o-mini',
          stream: true,
          messages: [{ role: 'user', content: `go [long:30] [drip:${abort ? 50 : 1}]` }],
        }),
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      await reader.read(); // the first chunk arrived: the stream is under way
      if (abort) controller.abort();
      else while (!(await reader.read()).done);
    };
    await Promise.all([...Array.from({ length: 10 }, () => stream(true)), stream(false), stream(false)]);

    const after = await until(metrics, (t) => value(t, 'http_requests_in_flight') === inFlightBefore);
    expect(value(after, 'http_requests_in_flight')).toBe(inFlightBefore);
    expect(samples(after, 499) - samples(before, 499)).toBe(10);
    expect(samples(after, 200) - samples(before, 200)).toBe(2);
    const access = lines.filter((l) => l.msg === 'request completed' && l.route === ROUTE);
    expect(access).toHaveLength(12);
    expect(access.filter((l) => l.aborted && l.status === 499)).toHaveLength(10);
  });
});
