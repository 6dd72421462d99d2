import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration from AppConfig, not process.env.',
        },
      ],
    },
  },
  {
    // Boot code, the CLI config and tests may read the environment.
    files: ['src/config/**', 'test/**', 'bench/**', 'ormconfig.ts', 'src/shared/logging/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
