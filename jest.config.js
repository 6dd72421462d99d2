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
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/response-contract.setup.ts'],
  maxWorkers: 2,
  testTimeout: 60000,
};
