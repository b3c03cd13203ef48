import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'src/schema/data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Parse, never evaluate: analyzed code is input. No dynamic code execution or process spawning in src/.
    files: ['src/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:child_process', message: 'iacjudge never spawns processes on analyzed input.' },
            { name: 'child_process', message: 'iacjudge never spawns processes on analyzed input.' },
            { name: 'node:vm', message: 'iacjudge never evaluates analyzed code.' },
            { name: 'vm', message: 'iacjudge never evaluates analyzed code.' },
            { name: 'node:http', message: 'No network at run time.' },
            { name: 'node:https', message: 'No network at run time.' },
            { name: 'node:net', message: 'No network at run time.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'No network at run time.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
