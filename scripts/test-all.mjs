// The README's test command: builds, runs every suite, and ends with one line
// "N passed, N failed" over all of them. A suite that dies before reporting counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const only = process.argv.slice(2);
const suites = [
  { name: 'unit', command: ['scripts/run-mocha-suite.mjs', 'unit'] },
  { name: 'servers', command: ['scripts/run-mocha-suite.mjs', 'servers'] },
  { name: 'integration', command: ['scripts/run-mocha-suite.mjs', 'integration'] },
  { name: 'extension', command: ['scripts/vscode/test-electron.mjs'] },
  { name: 'ui', command: ['scripts/run-mocha-suite.mjs', 'ui'] },
].filter((s) => only.length === 0 || only.includes(s.name));

const resultsDir = resolve('.test-results');
rmSync(resultsDir, { recursive: true, force: true });

const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
  const resultsFile = resolve(resultsDir, `${suite.name}.json`);
  console.log(`\n=== suite: ${suite.name} ===`);
  const run = spawnSync(process.execPath, suite.command, {
    stdio: 'inherit',
    env: { ...process.env, TEST_RESULTS_FILE: resultsFile },
  });
  let counts = { passes: 0, failures: 1 };
  if (existsSync(resultsFile)) counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  if (run.status !== 0 && counts.failures === 0) counts.failures = 1;
  passed += counts.passes;
  failed += counts.failures;
  lines.push(`${suite.name}: ${counts.passes} passed, ${counts.failures} failed (exit ${run.status})`);
}
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
