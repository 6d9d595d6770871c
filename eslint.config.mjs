import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:checks', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'scope:control-plane', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:probe', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['type:client'] },
          ],
        },
      ],
    },
  },
  {
    // Tenancy by type: controllers and request-scoped services reach tables only through
    // tenant repositories (methods take the principal's AccountId); the System*Repository
    // classes (work across accounts: ingestion, decisions, sweeps) stay out of them.
    files: [
      'apps/control-plane/src/**/*.controller.ts',
      'apps/control-plane/src/monitors/monitors.service.ts',
      'apps/control-plane/src/incidents/incidents.service.ts',
      'apps/control-plane/src/status-pages/status-pages.service.ts',
      'apps/control-plane/src/notifications/webhooks.service.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/system-*.repository', './system-*.repository'],
              message:
                "System repositories are for background work; a controller or request-scoped service uses the tenant repository with the principal's AccountId.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
