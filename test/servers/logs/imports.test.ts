// The logs server's layout holds: its files and its folders import each other without cycles (type imports count
// too: a cycle of types still means two modules that cannot be understood apart), and only tools/ and resources/
// speak MCP. Reads the sources only; starts no process.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../../../servers/logs');

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

/** Every cycle of a directed graph, each as the nodes around it; depth-first, colouring nodes. */
function cyclesOf(edges: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** The import graph of `files`, by file (relative to ROOT) or by folder ('.' is the root's entry files). */
function importGraph(files: string[], by: 'file' | 'folder'): Map<string, string[]> {
  const key = (file: string) => {
    const path = relative(ROOT, file).split('\\').join('/');
    return by === 'file' ? path : dirname(path);
  };
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const from = edges.get(key(file)) ?? [];
    for (const target of importsOf(file)) if (key(target) !== key(file) && !from.includes(key(target))) from.push(key(target));
    edges.set(key(file), from);
  }
  return edges;
}

describe('logs server layout', () => {
  it('has no import cycles between files', () => {
    const files = sourcesUnder(ROOT);
    assert.ok(files.length > 20, `found the sources (${files.length})`);
    assert.deepEqual(cyclesOf(importGraph(files, 'file')).map((cycle) => cycle.join(' -> ')), []);
  });

  it('has no import cycles between folders (each folder a layer)', () => {
    assert.deepEqual(cyclesOf(importGraph(sourcesUnder(ROOT), 'folder')).map((cycle) => cycle.join(' -> ')), []);
  });

  it('imports the MCP SDK only from tools/ and resources/', () => {
    const offenders = sourcesUnder(ROOT)
      .filter((file) => !/^(tools|resources)\//.test(relative(ROOT, file).split('\\').join('/')))
      .filter((file) => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.some((i) => i.fileName.startsWith('@modelcontextprotocol/')))
      .map((file) => relative(ROOT, file));
    assert.deepEqual(offenders, []);
  });
});
