// The logs server's layout holds: its modules import each other without cycles (type imports count too: a cycle of
// types still means two modules that cannot be understood apart). Reads the sources only; starts no process.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../../servers/logs');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The files under ROOT that `file` imports (relative specifiers only; packages and ../shared are outside the graph). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = resolve(dirname(file), fileName);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (target && target.startsWith(ROOT)) out.push(target);
  }
  return out;
}

/** Every import cycle, each as the list of files (relative to ROOT) around it; depth-first, colouring nodes. */
export function importCycles(files: string[]): string[][] {
  const edges = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(ROOT, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe('logs server layout', () => {
  it('has no import cycles', () => {
    const files = sourcesUnder(ROOT);
    assert.ok(files.length > 20, `found the sources (${files.length})`);
    assert.deepEqual(importCycles(files).map((cycle) => cycle.join(' -> ')), []);
  });

  it('imports the MCP SDK only from tools/ and resources/', () => {
    const offenders = sourcesUnder(ROOT)
      .filter((file) => !/^(tools|resources)\//.test(relative(ROOT, file).split('\\').join('/')))
      .filter((file) => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.some((i) => i.fileName.startsWith('@modelcontextprotocol/')))
      .map((file) => relative(ROOT, file));
    assert.deepEqual(offenders, []);
  });
});
