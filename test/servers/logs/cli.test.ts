// The logs server as a command: --help, --log-dir flags, several directories, clean exit when stdin closes.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join, resolve } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readConfig } from '../../../servers/logs/config';
import { startBuiltServer } from '../../support/mcp-client';
import { exitOf, outputContaining } from '../../support/wait';

const script = resolve(__dirname, '../../../dist/servers/logs.js');

describe('logs server command line', function () {
  let root: string;
  before(function () {
    root = mkdtempSync(join(tmpdir(), 'logs-cli-'));
    for (const [dir, file, text] of [
      ['api', 'server.log', 'ERROR api failed\n'],
      ['web', 'server.log', 'ERROR web failed\n'],
      ['extra', 'extra.log', 'INFO from a flag\n'],
    ]) {
      mkdirSync(join(root, dir));
      writeFileSync(join(root, dir, file), text);
    }
  });
  after(function () {
    rmSync(root, { recursive: true, force: true });
  });

  it('prints help with the settings it reads', function () {
    const out = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(out.status, 0);
    for (const word of ['LOG_DIRS', '--log-dir', 'RIPGREP_PATH', 'search_logs', 'error_summary', 'recent_logs']) assert.ok(out.stdout.includes(word), word);
  });

  it('takes several directories (LOG_DIRS and --log-dir) and names files by directory', async function () {
    const s = await startBuiltServer('logs', { LOG_DIRS: [join(root, 'api'), join(root, 'web')].join(delimiter) }, ['--log-dir', join(root, 'extra')]);
    try {
      const res = await s.client.readResource({ uri: 'logs://files' });
      const names = (JSON.parse((res.contents[0] as { text: string }).text) as { files: { name: string }[] }).files.map((f) => f.name).sort();
      assert.deepEqual(names, ['api/server.log', 'extra/extra.log', 'web/server.log']);
      const web = (await s.client.callTool({ name: 'search_logs', arguments: { pattern: 'failed', file: 'web/server.log' } })) as CallToolResult;
      const matches = (web.structuredContent as { matches: { file: string; text: string }[] }).matches;
      assert.deepEqual(matches.map((m) => [m.file, m.text]), [['web/server.log', 'ERROR web failed']]);
      const all = (await s.client.callTool({ name: 'search_logs', arguments: { pattern: 'failed' } })) as CallToolResult;
      assert.equal((all.structuredContent as { returned: number }).returned, 2);
    } finally {
      await s.close();
    }
  });

  it('logs to stderr only and exits cleanly when stdin closes', async function () {
    const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', LOG_DIRS: join(root, 'api') }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    await outputContaining(child.stderr, 'logs server starting');
    child.stdin.end();
    const code = await exitOf(child, 20_000);
    assert.equal(code, 0);
    assert.equal(stdout, '', 'nothing but protocol on stdout');
    assert.match(stderr, /logs server starting/);
  });
});

describe('logs server configuration (readConfig)', function () {
  let bin: string;
  let fakeRg: string;
  before(function () {
    bin = mkdtempSync(join(tmpdir(), 'logs-cfg-'));
    fakeRg = join(bin, process.platform === 'win32' ? 'rg.exe' : 'rg');
    writeFileSync(fakeRg, '#!/bin/sh\n');
    chmodSync(fakeRg, 0o755);
  });
  after(function () {
    rmSync(bin, { recursive: true, force: true });
  });

  // The bug this shows: --ripgrep-path and RIPGREP_PATH were read from process.argv/process.env, not from the
  // argv/env handed to readConfig.
  it('takes --ripgrep-path and RIPGREP_PATH from the argv and env it is given', function () {
    assert.equal(readConfig(['--ripgrep-path', process.execPath], {}).ripgrep, process.execPath);
    assert.equal(readConfig([`--ripgrep-path=${process.execPath}`], {}).ripgrep, process.execPath);
    assert.equal(readConfig([], { RIPGREP_PATH: process.execPath }).ripgrep, process.execPath);
    assert.equal(readConfig([], { RIPGREP_PATH: 'none', PATH: bin }).ripgrep, undefined, '"none" turns ripgrep off even when rg is on PATH');
    assert.equal(readConfig(['--ripgrep-path', 'none'], { RIPGREP_PATH: process.execPath, PATH: bin }).ripgrep, undefined, 'the flag wins');
  });

  it('finds rg on the PATH it is given, and nothing without one', function () {
    assert.equal(readConfig([], { PATH: bin }).ripgrep, fakeRg);
    assert.equal(readConfig([], { PATH: '' }).ripgrep, undefined);
  });

  it('takes directories from LOG_DIRS and --log-dir, absolute and without repeats', function () {
    const config = readConfig(['--log-dir', 'b', '--log-dir=/c'], { LOG_DIRS: ['/a', ' ', 'b'].join(delimiter), PATH: '' });
    assert.deepEqual(config.dirs, [resolve('/a'), resolve('b'), resolve('/c')]);
  });

  // MCP clients start a server without a shell: `"LOG_DIRS": "~/logs"` in Claude Desktop's config reached it as
  // written and was read as a folder named `~` under the client's working directory (break25).
  it('reads a leading ~ in LOG_DIRS, --log-dir and the journal paths as the home directory', function () {
    const home = resolve(bin, 'home');
    const config = readConfig(['--log-dir', '~', '--journal-file', '~/j/system.journal'], { LOG_DIRS: ['~/logs', '~other/logs', 'a~/b'].join(delimiter), LOG_JOURNAL_DIRS: '~/journal', HOME: home, PATH: '' });
    assert.deepEqual(config.dirs, [join(home, 'logs'), resolve('~other/logs'), resolve('a~/b'), home]);
    assert.deepEqual(config.sources.journalDirs, [join(home, 'journal')]);
    assert.deepEqual(config.sources.journalFiles, [join(home, 'j', 'system.journal')]);
  });

  // The same for the ripgrep setting: `"RIPGREP_PATH": "~/bin/rg"` was not absolute, so ripgrep was silently off.
  it('reads a leading ~ in RIPGREP_PATH and --ripgrep-path as the home directory', function () {
    const rg = `~/${basename(fakeRg)}`;
    assert.equal(readConfig([], { RIPGREP_PATH: rg, HOME: bin, PATH: '' }).ripgrep, fakeRg);
    assert.equal(readConfig(['--ripgrep-path', rg], { HOME: bin, PATH: '' }).ripgrep, fakeRg);
    assert.equal(readConfig([], { RIPGREP_PATH: 'rg', PATH: bin }).ripgrep, undefined, 'a relative path is still refused');
  });

  // break38: a RIPGREP_PATH that is no executable (a typo, a path from another machine, `rg` for "rg on PATH") turned
  // ripgrep off without a word: the server said only "pure-Node search", and searches of big logs were slower.
  it('says why a RIPGREP_PATH or --ripgrep-path it cannot use is not used', function () {
    for (const [argv, env, shown] of [
      [[], { RIPGREP_PATH: '/nonexistent/rg', PATH: bin }, '/nonexistent/rg'],
      [[], { RIPGREP_PATH: 'rg', PATH: bin }, 'rg'],
      [['--ripgrep-path', bin], { PATH: '' }, bin],
    ] as const) {
      const config = readConfig(argv, env);
      assert.equal(config.ripgrep, undefined, shown);
      assert.match(config.ripgrepNote ?? '', /^RIPGREP_PATH \/ --ripgrep-path \(.+\) is not used: .+; plain files are searched without ripgrep$/, shown);
      assert.ok(config.ripgrepNote?.includes(shown), config.ripgrepNote);
    }
    assert.match(readConfig([], { RIPGREP_PATH: 'rg', PATH: bin }).ripgrepNote ?? '', /not an absolute path/);
    assert.match(readConfig([], { RIPGREP_PATH: '/nonexistent/rg', PATH: bin }).ripgrepNote ?? '', /no such file/);
    assert.match(readConfig(['--ripgrep-path', bin], { PATH: '' }).ripgrepNote ?? '', /not an executable file/);
    // Turned off on purpose, found, or not asked for: nothing to say.
    for (const env of [{ RIPGREP_PATH: 'none', PATH: bin }, { RIPGREP_PATH: fakeRg, PATH: '' }, { PATH: '' }]) assert.equal(readConfig([], env).ripgrepNote, undefined, JSON.stringify(env));
  });
});
