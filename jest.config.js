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
  // A worker's heap grows by tens of MB per e2e file (each file boots whole apps): recycled above 512 MB
  // rather than ending the run at 1.5 GB.
  workerIdleMemoryLimit: '512MB',
  // At the end, a worker has no handle left and its 'exit' event fires at once, but Node's teardown after it
  // (heap, native add-ons) took 0.4 s or more on the 2-core machine: past jest's 500 ms default, which kills
  // it and prints "failed to exit gracefully". A worker held open by a leaked handle is still caught.
  workerGracefulExitTimeout: 3000,
  testTimeout: 60000,
};
