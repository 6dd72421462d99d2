import type { FastifyReply } from 'fastify';
import { SseWriter } from './sse';

/** What SseWriter writes to the raw response, one entry per write (`end` marks the end of the response). */
function recordingReply() {
  const writes: string[] = [];
  const raw = {
    destroyed: false,
    setHeader: () => undefined,
    writeHead: () => undefined,
    write: (text: string) => writes.push(text),
    end: (text?: string) => writes.push(`${text ?? ''}<end>`),
  };
  const reply = { hijack: () => undefined, getHeaders: () => ({}), raw } as unknown as FastifyReply;
  return { writes, reply };
}

const tick = () => new Promise((resolve) => process.nextTick(resolve));

describe('SseWriter', () => {
  it('writes the events of one turn together, in one write', async () => {
    const { writes, reply } = recordingReply();
    const sse = new SseWriter(reply);
    sse.send('{"a":1}');
    sse.send('{"b":2}');
    await tick();
    sse.send('{"c":3}');
    await tick();
    expect(writes).toEqual(['data: {"a":1}\n\ndata: {"b":2}\n\n', 'data: {"c":3}\n\n']);
  });

  it('once held, keeps the events for the end of the response, which leaves with them in one write', async () => {
    const { writes, reply } = recordingReply();
    const sse = new SseWriter(reply);
    sse.send('{"a":1}');
    await tick();
    sse.holdToEnd();
    sse.send('{"usage":{}}');
    await tick();
    expect(writes).toEqual(['data: {"a":1}\n\n']);
    sse.send('[DONE]');
    sse.end();
    expect(writes).toEqual(['data: {"a":1}\n\n', 'data: {"usage":{}}\n\ndata: [DONE]\n\n<end>']);
  });
});
