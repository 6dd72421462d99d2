/**
 * Layer rules (STYLE.md): the domain is plain TypeScript; application code reaches infrastructure only
 * through ports.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-plain',
      comment: 'domain/ imports no framework, ORM, SDK or adapter code',
      severity: 'error',
      from: { path: '^src/(modules/[^/]+/|shared/)domain/' },
      to: { path: ['node_modules/(@nestjs|typeorm|stripe|openai|fastify|ioredis|bullmq)', '/adapters/'] },
    },
    {
      name: 'application-not-infrastructure',
      comment:
        'application/ depends on ports: never on adapters, BullMQ (use JobQueue), ioredis, TypeORM, Fastify, Stripe or OpenAI',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/application/' },
      to: {
        path: [
          '/adapters/',
          'node_modules/(typeorm|@nestjs/typeorm|bullmq|@nestjs/bullmq|ioredis|fastify|@fastify|@nestjs/platform-fastify|stripe|openai)/',
        ],
      },
    },
    {
      name: 'modules-through-contracts',
      comment:
        'a module reaches another only through src/shared/contracts (module files may import modules to wire them)',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.module\\.ts$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-orphans',
      comment: 'a source file nothing imports is dead code (entry points excepted)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: ['^src/(main|worker|cli)\\.ts$', '\\.d\\.ts$'],
      },
      to: {},
    },
    {
      name: 'no-circular',
      comment:
        'Nest module files that need each other import with forwardRef (billing and webhooks, for instance): ' +
        'a cycle there is wiring the modules declare, not code that calls itself',
      severity: 'warn',
      from: { pathNot: '\\.module\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.(spec|int-spec|e2e-spec)\\.ts$' },
  },
};
