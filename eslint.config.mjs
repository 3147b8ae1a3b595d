// ESLint (flat config): JavaScript and typescript-eslint recommended rules everywhere, React
// hooks rules for the UI, and the house rules of src/core (time and randomness are parameters).
// `npm test` runs it with --max-warnings 0. Import layering is checked by test/unit/architecture.test.ts.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'dist/**', 'node_modules/**', 'coverage/**', '.scratch/**', '.swc/**',
      'src/data/compiled/**', 'cloudfunctions/*/index.js', 'cloudfunctions/*/node_modules/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are already errors of tsc (noUnusedLocals / noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // Boundaries parse `unknown`; `any` is allowed where a platform API is untyped (Taro, wx).
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    // The two classic hooks rules. The plugin's React Compiler rules (purity, refs…) are for code
    // the compiler rewrites; this app is not compiled by it and its player is imperative on purpose.
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' }
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Randomness is a parameter of core functions (a seed or an rng).' },
        { object: 'Date', property: 'now', message: 'Time is a parameter of core functions.' }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is a parameter of core functions.' }]
    }
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['test/**/*.{js,mjs,ts,tsx}'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } }
  }
)
