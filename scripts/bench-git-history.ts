// Times git_log with a path and git_file_churn on a long generated history (fix37s): a repository of N commits over F
// files, each commit changing one file in turn, made by git fast-import under the system's temp folder.
//   node --import tsx scripts/bench-git-history.ts [commits=50000] [files=5000] [repo folder to reuse]
// 200,000 commits take minutes to build on a busy machine; pass the folder again to reuse one.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { singleRepository } from '../servers/git/context';
import { createServer } from '../servers/git/server';

const [commits, files] = [Number(process.argv[2] ?? 50_000), Number(process.argv[3] ?? 5000)];
const given = process.argv[4];

/** A repository of `commits` commits, one a minute from 2020-09-13, commit i changing f{i % files}.txt. */
async function build(folder: string): Promise<void> {
  execFileSync('git', ['init', '-q', '-b', 'main', folder]);
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: folder, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise((resolve) => child.on('close', resolve));
  for (let i = 0; i < commits; i++) {
    const message = `c${i}\n`;
    const data = `v${i}\n`;
    const chunk = `commit refs/heads/main\ncommitter A <a@example.com> ${1_600_000_000 + i * 60} +0000\ndata ${message.length}\n${message}M 644 inline f${i % files}.txt\ndata ${data.length}\n${data}\n`;
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  await done;
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: folder });
}

async function main(): Promise<void> {
  const folder = given ?? join(mkdtempSync(join(tmpdir(), 'bench-git-history-')), 'repo');
  if (!given || !existsSync(join(folder, '.git'))) await build(folder);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createServer(singleRepository(folder)).connect(serverSide);
  const client = new Client({ name: 'bench', version: '0.0.0' });
  await client.connect(clientSide);
  for (const [name, args] of [['git_log', { path: 'f17.txt', count: 10 }], ['git_file_churn', {}]] as const) {
    const started = performance.now();
    const result = await client.callTool({ name, arguments: args });
    const data = (result.structuredContent ?? {}) as Record<string, unknown>;
    const shown = { returned: data.returned, truncated: data.truncated, remaining: data.remaining, remainingAtLeast: data.remainingAtLeast, since: data.since };
    console.log(`${name} ${JSON.stringify(args)}: ${Math.round(performance.now() - started)} ms ${JSON.stringify(shown)}`);
  }
  const plain = performance.now();
  execFileSync('git', ['log', '-n', '10', '--format=%h', '--', 'f17.txt'], { cwd: folder });
  console.log(`git log -n 10 -- f17.txt: ${Math.round(performance.now() - plain)} ms (${folder})`);
  await client.close();
}

void main();
