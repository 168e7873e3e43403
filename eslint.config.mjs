import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';

/** Heavy dependencies have one door each (STYLE.md): enforce it. */
const doors = [
  { name: 'mailparser', door: 'lib/mail/parse-message.ts' },
  { name: 'better-sqlite3', door: 'lib/store/' },
];

const config = [
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'public/_tl/**',
    ],
  },
  {
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      'lib/mail/parse-message.ts',
      'lib/store/**',
      'lib/highlight/**',
      'tests/**',
      'bench/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: doors.map(({ name, door }) => ({
            name,
            message: `only ${door} may import ${name}`,
          })),
          patterns: [
            {
              group: ['shiki', 'shiki/*', '@shikijs/*'],
              message: 'only lib/highlight/ may import shiki',
            },
          ],
        },
      ],
    },
  },
  {
    // Components render what lib/ computed; they never reach the store. (This guards
    // the client bundle too: better-sqlite3 or shiki in it would break the build.)
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/lib/store/*',
                '@/lib/upload/*',
                '@/lib/highlight/*',
                '@/lib/loaders/load-*',
                '@/lib/loaders/find-message',
                '@/lib/loaders/highlight-segments',
              ],
              allowTypeImports: true,
              message: 'components render data; loading belongs to app/, pages/ and lib/',
            },
          ],
        },
      ],
    },
  },
];

export default config;
