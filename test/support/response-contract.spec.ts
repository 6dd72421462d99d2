import Fastify from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { installResponseContract, responseMismatches } from './response-contract';

const problem = {
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
    '/stream': {
      get: {
        operationId: 'stream',
        responses: { '200': { content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'label'],
        properties: { id: { type: 'string' }, label: { type: 'string', nullable: true } },
      },
      Problem: { type: 'object', required: ['status'], properties: { status: { type: 'integer' } } },
    },
    responses: { NotFound: problem },
  },
} as unknown as OpenAPIObject;

describe('response contract check', () => {
  const app = Fastify();
  installResponseContract(app, document);
  app.get('/things/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (id === 'good') return { id, label: null };
    if (id === 'number') return { id: 7, label: 'x' };
    if (id === 'teapot') return reply.status(418).send({ status: 418 });
    if (id === 'plain-error') return reply.status(404).send({ status: 404 });
    return reply.status(404).type('application/problem+json').send({ status: 404 });
  });
  app.get('/stream', (request, reply) => {
    reply.hijack();
    const type = (request.query as { type?: string }).type ?? 'text/event-stream';
    reply.raw.writeHead(200, { 'content-type': type });
    reply.raw.end('data: [DONE]\n\n');
  });
  app.get('/undocumented', async () => ({ ok: true }));

  afterAll(async () => {
    await app.close();
    // The mismatches made on purpose here must not fail this file.
    responseMismatches.length = 0;
  });

  const found = async (url: string) => {
    responseMismatches.length = 0;
    await app.inject({ method: 'GET', url });
    await new Promise((r) => setImmediate(r));
    return [...responseMismatches];
  };

  it('accepts declared answers: JSON by schema, problems, a hijacked stream', async () => {
    expect(await found('/things/good')).toEqual([]);
    expect(await found('/things/missing')).toEqual([]);
    expect(await found('/stream')).toEqual([]);
  });

  it('reports a body off its schema, an undeclared status or content type, and an unknown route', async () => {
    expect(await found('/things/number')).toEqual([
      expect.stringMatching(/getThing.* 200 .*\/id must be string/),
    ]);
    expect(await found('/things/teapot')).toEqual([
      expect.stringMatching(/getThing.*status 418 not declared/),
    ]);
    expect(await found('/things/plain-error')).toEqual([
      expect.stringMatching(/404: content type application\/json not declared/),
    ]);
    expect(await found('/undocumented')).toEqual([expect.stringMatching(/route not in the document/)]);
    expect(await found('/stream?type=text/plain')).toEqual([
      expect.stringMatching(/stream.* 200: content type text\/plain not declared/),
    ]);
  });
});
