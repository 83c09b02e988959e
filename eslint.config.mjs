import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-vsix/**', 'node_modules/**', '.vscode-server/**', '.vscode-test/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // The logs server's layers: only its MCP adapters (tools/, resources/) speak MCP; the readers, parsers, miners and
    // the scan process below them stay plain modules (testable without a server, reusable by any adapter).
    files: ['servers/logs/**/*.ts'],
    ignores: ['servers/logs/tools/**', 'servers/logs/resources/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@modelcontextprotocol/*'], message: 'Only servers/logs/tools/ and servers/logs/resources/ import the MCP SDK.' }] },
      ],
    },
  },
  {
    // The unit tier runs in-process; a test that starts a process (a server, git, the tiny MCP server)
    // belongs in test/integration or test/servers/<server>/.
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:child_process', 'child_process', 'node:worker_threads', 'worker_threads'].map((name) => ({
            name,
            message: 'Unit tests start no processes: move this test to test/integration or test/servers/<server>/.',
          })),
          patterns: [
            {
              group: ['**/support/tiny-mcp-build', '**/support/mcp-client', '**/support/git-fixture', '**/dist/**'],
              message: 'These start processes or need the build: the test belongs in test/integration or test/servers/<server>/.',
            },
          ],
        },
      ],
    },
  },
);
