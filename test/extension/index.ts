// Mocha entry point inside the VS Code extension host (extensionTestsPath). Bundled by esbuild to
// dist/test/extension/index.js next to every test/extension/**/*.test.ts bundle, which it loads.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';

const repoRoot = resolve(__dirname, '..', '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 30_000,
    color: false,
    reporter: join(repoRoot, 'test', 'support', 'counting-reporter.cjs'),
    grep: process.env.DEVOPS_TEST_GREP || undefined,
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((done) => mocha.run(done));
  if (failures > 0) throw new Error(`${failures} extension test${failures === 1 ? '' : 's'} failed`);
}
