import { createServer, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { callUpstream } from './upstream-call';

/** callUpstream against a real HTTP server whose answers each test scripts. */
describe('callUpstream', () => {
  let server: Server;
  let pool: Pool;
  let answer: (res: ServerResponse) => void;
  const call = (signal = new AbortController().signal) =>
    callUpstream(pool, { path: '/', method: 'POST', headers: {}, body: '{}' }, signal);

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { pipelining: 1 });
  });
  afterAll(async () => {
    await pool.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers with the status and headers, and the body as text, a character split between chunks included', async () => {
    const euro = Buffer.from('€');
    answer = (res) => {
      res.writeHead(429, { 'retry-after': '3' });
      res.write(Buffer.concat([Buffer.from('{"price":"'), euro.subarray(0, 1)]));
      setTimeout(() => res.end(Buffer.concat([euro.subarray(1), Buffer.from('"}')])), 5);
    };
    const res = await call();
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('3');
    expect(await res.body.text()).toBe('{"price":"€"}');
  });

  it('hands on chunks as they come, those that came with the headers first', async () => {
    answer = (res) => {
      res.write('a');
      setTimeout(() => res.write('b'), 5);
      setTimeout(() => res.end('c'), 10);
    };
    const res = await call();
    const seen: string[] = [];
    await res.body.each((bytes) => seen.push(bytes.toString()));
    expect(seen.join('')).toBe('abc');
  });

  it('rejects when aborted before the answer', async () => {
    answer = (res) => setTimeout(() => res.end('late'), 200);
    const abort = new AbortController();
    const pending = call(abort.signal);
    setTimeout(() => abort.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("rejects the body's reader when aborted mid-body, after the chunks that came", async () => {
    answer = (res) => {
      res.write('first');
      setTimeout(() => res.end('never'), 500);
    };
    const abort = new AbortController();
    const res = await call(abort.signal);
    const seen: string[] = [];
    const reading = res.body.each((bytes) => {
      seen.push(bytes.toString());
      abort.abort();
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['first']);
  });

  it("aborts the call when the reader throws, and rejects with the reader's error", async () => {
    let closed!: Promise<void>;
    answer = (res) => {
      closed = new Promise((resolve) => res.on('close', resolve));
      res.write('bad'); // and never ends: only the client can close the connection
    };
    const res = await call();
    const failure = new Error('malformed event');
    await expect(
      res.body.each(() => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    await closed;
  });

  it('rejects the reader when the provider breaks the connection mid-body', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      setTimeout(() => res.destroy(), 5);
    };
    const res = await call();
    await expect(res.body.text()).rejects.toThrow();
  });

  it('rejects when the provider cannot be reached', async () => {
    const nowhere = new Pool('http://127.0.0.1:1');
    await expect(
      callUpstream(
        nowhere,
        { path: '/', method: 'POST', headers: {}, body: '{}' },
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await nowhere.destroy();
  });
});
