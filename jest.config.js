/** One jest run covers unit (*.spec.ts), integration (*.int-spec.ts) and e2e (*.e2e-spec.ts) tests. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const ESM_ONLY = ['content-disposition', '@apidevtools', 'jose'];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', swc] },
  // A few dependencies ship ESM only; jest's module loader cannot require ESM, so swc compiles just those.
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testRegex: '(src|test)/.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['reflect-metadata', '<rootDir>/test/setup/per-file-redis-prefix.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/response-contract.setup.ts'],
  maxWorkers: 2,
  // A worker's heap grows by tens of MB per e2e file (each file boots whole apps); past 1 GB, a worker took
  // longer than jest's 500 ms to exit at the end and was killed. Recycled above 512 MB instead.
  workerIdleMemoryLimit: '512MB',
  testTimeout: 60000,
};
