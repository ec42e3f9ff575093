import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const workflowSandboxBan = {
  patterns: [
    {
      group: [
        'node:*',
        'fs',
        'fs/*',
        'path',
        'http',
        'https',
        'net',
        'crypto',
        'os',
        'child_process',
        'stream',
        'zlib',
      ],
      message: 'Workflows run in a deterministic sandbox: do I/O in an activity.',
    },
    {
      group: ['@elastic/*', 'koa', 'koa-*', '@koa/*', 'undici', 'pino'],
      message: 'Workflows must not do I/O.',
    },
    {
      group: ['@temporalio/activity', '@temporalio/worker', '@temporalio/client'],
      message: 'Not for workflow code.',
    },
    {
      group: ['../activities/*', '../search/*', '../api/*', '../providers/*'],
      allowTypeImports: true,
      message: 'Workflows import activity types only (import type).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'bench/results/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      'no-console': 'error',
    },
  },
  { files: ['src/workflows/**/*.ts'], rules: { 'no-restricted-imports': ['error', workflowSandboxBan] } },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
