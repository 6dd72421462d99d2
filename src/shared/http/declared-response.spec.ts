import type { OpenAPIObject } from '@nestjs/swagger';
import { responseCutter } from './declared-response';

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': { get: { responses: { '200': json('#/components/schemas/Thing') } } },
    '/things': { get: { responses: { '200': json('#/components/schemas/ThingPage') } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
          metadata: { type: 'object' },
          parent: { $ref: '#/components/schemas/Thing' },
          tags: { type: 'array', items: { type: 'string' } },
          createdAt: { type: 'string' },
        },
      },
      Owner: { type: 'object', properties: { name: { type: 'string' } } },
      ThingPage: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
          nextCursor: { type: 'string', nullable: true },
        },
      },
    },
  },
} as unknown as OpenAPIObject;

describe('responseCutter', () => {
  const cut = responseCutter(document);
  const createdAt = new Date('2026-01-01T00:00:00Z');
  const thing = {
    id: 't1',
    tenantId: 'secret',
    owner: { name: 'Ann', passwordHash: 'x' },
    metadata: { anything: { goes: 1 } },
    parent: { id: 't0', tenantId: 'secret', parent: null },
    tags: ['a'],
    createdAt,
  };

  it('drops undeclared properties at every depth, following $ref, allOf and self references', () => {
    expect(cut('GET', '/things/:id', 200, thing)).toEqual({
      id: 't1',
      owner: { name: 'Ann' },
      metadata: { anything: { goes: 1 } },
      parent: { id: 't0', parent: null },
      tags: ['a'],
      createdAt,
    });
  });

  it('cuts each item of a list and keeps values as they are', () => {
    const out = cut('GET', '/things', 200, { items: [thing], nextCursor: null, total: 3 }) as {
      items: Array<{ createdAt: Date }>;
    };
    expect(out).toEqual({ items: [expect.not.objectContaining({ tenantId: 'secret' })], nextCursor: null });
    expect(out.items[0].createdAt).toBe(createdAt);
  });

  it('leaves answers of undeclared routes and statuses alone', () => {
    expect(cut('GET', '/things/:id', 404, thing)).toBe(thing);
    expect(cut('GET', '/elsewhere', 200, thing)).toBe(thing);
  });
});
