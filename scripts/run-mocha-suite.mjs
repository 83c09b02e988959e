// Runs one mocha suite under Node (TypeScript through tsx): `node scripts/run-mocha-suite.mjs unit [mocha args…]`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [suite, ...extra] = process.argv.slice(2);
if (!suite) {
  console.error('usage: run-mocha-suite.mjs <unit|servers|ui> [mocha args…]');
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
