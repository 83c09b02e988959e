// Runs one mocha suite under Node (TypeScript through tsx): `node scripts/run-mocha-suite.mjs unit [mocha args…]`.
// A suite is a folder of test/ and takes every *.test.ts below it, nested folders included, so a
// test moves between suites with a plain `git mv`. The tiers (the extension-host suite has its own
// runner, scripts/vscode/test-electron.mjs):
//   unit         in-process only: no child process, no built bundle (an in-process HTTP mock is fine)
//   servers      each MCP server: its modules, and the built server over stdio
//   integration  the extension core (supervisor, agent) with real child processes
//   ui           the workbench in code-server + chromium
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const SUITES = ['unit', 'servers', 'integration', 'ui'];

const [suite, ...extra] = process.argv.slice(2);
if (!SUITES.includes(suite)) {
  console.error(`usage: run-mocha-suite.mjs <${SUITES.join('|')}> [mocha args…]`);
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    'node_modules/mocha/bin/mocha.js',
    `test/${suite}/**/*.test.ts`,
    '--reporter', resolve('test/support/counting-reporter.cjs'),
    '--timeout', '30000',
    ...extra,
  ],
  { stdio: 'inherit', env: { ...process.env, TEST_RESULTS_FILE: process.env.TEST_RESULTS_FILE ?? resolve(`.test-results/${suite}.json`) } },
);
process.exit(result.status ?? 1);
