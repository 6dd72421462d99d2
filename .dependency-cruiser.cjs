/** Layer rules (STYLE.md): the domain is plain TypeScript; application code never reaches into adapters. */
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
      name: 'application-not-adapters',
      comment: 'application/ depends on ports, not on adapters, TypeORM, Stripe or OpenAI',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/application/' },
      to: { path: ['/adapters/', 'node_modules/(typeorm|stripe|openai|fastify)'] },
    },
    {
      name: 'no-circular',
      severity: 'warn',
      from: {},
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
