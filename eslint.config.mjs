import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const NO_PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration from AppConfig, not process.env.',
};
const NO_RAW_QUERY = {
  selector: "CallExpression[callee.property.name='query']",
  message:
    'Raw SQL goes through tenantQuery / tenantExecute (or crossTenantQuery with a reason) in src/shared/persistence/tenant-sql.ts.',
};
/** Modules whose SQL all goes through tenant-sql.ts; the rule follows each module as it moves over. */
const TENANT_SQL_MODULES = ['src/modules/conversations/**/*.ts'];

export default tseslint.config(
  // Plain JS files are tooling (jest/eslint config, CI helpers); the linted code is TypeScript.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      // Abstract class + same-named interface is our DI-token pattern for typed handles (AppConfig, RedisClient).
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-restricted-syntax': ['error', NO_PROCESS_ENV],
    },
  },
  {
    // Boot code, the CLI config and tests may read the environment.
    files: ['src/config/**', 'test/**', 'bench/**', 'ormconfig.ts', 'src/shared/logging/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The tenant is bound by the helper, which refuses SQL on a tenant-owned table without it.
    files: TENANT_SQL_MODULES,
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV, NO_RAW_QUERY] },
  },
);
