// A repository's documents were listed as log files (break38): the workspace is a log directory, and `*.json`/`*.txt`
// were logs by name, so package.json, tsconfig.json, requirements.txt and LICENSE.txt appeared in Log Files, every
// search read them, and `.vscode/settings.json` made every project with a `.vscode` folder report "log files in 1
// hidden folder". The name cannot decide (`eve.json`, JSON lines, CloudTrail batches and saved consoles are logs): the
// file's start does. Real files, the listing and the built server.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { holdsLog, isAmbiguousLogName } from '../../../servers/logs/files/document-names';
import { listLogFiles, prepareDirs } from '../../../servers/logs/files/log-files';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PACKAGE_JSON = JSON.stringify({ name: 'shop', version: '1.0.0', scripts: { test: 'mocha' }, dependencies: { express: '^4.19.2' } }, null, 2);
const LICENSE = `MIT License

Copyright (c) 2024 Example Shop Authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
`;
const DOCUMENTS: Record<string, string> = {
  'package.json': PACKAGE_JSON,
  'tsconfig.json': '{\n  "compilerOptions": { "strict": true, "target": "es2022" }\n}\n',
  'requirements.txt': 'requests==2.31.0\nflask>=3.0\n# pinned for CVE-2024-1234\nurllib3==2.2.1\n',
  'LICENSE.txt': LICENSE,
  'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.10)\nproject(shop)\nadd_executable(shop main.cpp)\n',
  'src/config.json': '[\n  {"host": "db", "port": 5432}\n]\n',
};
const LOGS: Record<string, string> = {
  'logs/app.log': '2026-12-03 10:00:00 ERROR payment failed\n',
  'run.txt': '2026-12-03 10:00:01,120 INFO worker started\n2026-12-03 10:00:02,877 ERROR worker crashed: disk full\n',
  'events.json': '{"ts":"2026-12-03T10:00:00Z","msg":"x"}\n',
  'api.json': '{"time":"2026-12-03T10:00:00Z","level":"error","msg":"upstream timed out"}\n{"time":"2026-12-03T10:00:01Z","level":"info","msg":"retry"}\n',
  'trail.json': '{\n  "Records": [\n    {"eventTime": "2026-12-03T10:00:00Z", "eventSource": "s3.amazonaws.com", "eventName": "GetObject"}\n  ]\n}\n',
  'build-output.txt': 'compiling shop\nlinking shop\n',
  'empty.txt': '',
  'nohup-levels.txt': 'WARNING: low memory\nERROR: worker 3 died\nrestarting worker 3\n',
};

describe('logs: .json and .txt files are listed when they hold a log, not when they are documents', function () {
  this.timeout(60_000);
  let root: string;
  const servers: StartedServer[] = [];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'document-names-'));
    for (const [name, text] of Object.entries({ ...DOCUMENTS, ...LOGS })) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    // A UTF-16 log as a Windows program writes it, with its byte order mark.
    writeFileSync(join(root, 'setup.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2026-12-03 10:00:00 Error 0x80070005 access denied\r\n2026-12-03 10:00:01 Info retrying\r\n', 'utf16le')]));
    // A JSON-lines record longer than the peek: its start is all the listing reads.
    writeFileSync(join(root, 'big.json'), `{"msg":"${'x'.repeat(10_000)}"}\n{"msg":"y"}\n`);
    mkdirSync(join(root, '.vscode'));
    writeFileSync(join(root, '.vscode', 'settings.json'), '{\n  "editor.tabSize": 2\n}\n');
    // The same settings minified on one line, as tools that write settings do: one object, no record in it.
    mkdirSync(join(root, '.tool'));
    writeFileSync(join(root, '.tool', 'settings.json'), '{"editor.tabSize":2}\n');
  });

  after(async () => {
    for (const server of servers) await server.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  // A folder named like a build's output holds log words (`Debug`, `out`, `output`): a .NET project's
  // `bin/Debug/net8.0/*.runtimeconfig.json` and a TypeScript `out/` are documents all the same (lead, review).
  it('a build folder whose name holds a log word lists no documents; a logs folder lists its consoles', async () => {
    const build = mkdtempSync(join(tmpdir(), 'document-names-build-'));
    try {
      for (const [name, text] of Object.entries({
        'bin/Debug/net8.0/shop.runtimeconfig.json': '{\n  "runtimeOptions": { "tfm": "net8.0" }\n}\n',
        'out/tsconfig.build.json': '{\n  "extends": "../tsconfig.json"\n}\n',
        'output/README.txt': 'Generated files. Do not edit.\n',
        'app-logs/console.txt': 'compiling\nlinking\n',
      })) {
        mkdirSync(join(build, name, '..'), { recursive: true });
        writeFileSync(join(build, name), text);
      }
      const listing = await listLogFiles(await prepareDirs([build]));
      assert.deepEqual(listing.files.map((f) => f.name), ['app-logs/console.txt']);
      assert.equal(listing.documents?.count, 3);
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  });

  it('only plain .json and .txt names are looked into', () => {
    assert.equal(isAmbiguousLogName('package.json'), true);
    assert.equal(isAmbiguousLogName('notes.TXT'), true);
    assert.equal(isAmbiguousLogName('app.log'), false);
    assert.equal(isAmbiguousLogName('trail.json.gz'), false);
    assert.equal(isAmbiguousLogName('app.jsonl'), false);
  });

  it('the listing keeps the logs and counts the documents, and a hidden folder of documents is no folder of logs', async () => {
    const listing = await listLogFiles(await prepareDirs([root]));
    const listed = listing.files.map((f) => f.name).sort();
    assert.deepEqual(listed, [...Object.keys(LOGS), 'setup.txt', 'big.json'].sort());
    assert.equal(listing.documents?.count, Object.keys(DOCUMENTS).length);
    assert.equal(listing.hidden, undefined, JSON.stringify(listing.hidden));
    for (const name of Object.keys(DOCUMENTS)) assert.equal(await holdsLog(join(root, name)), false, name);
  });

  it('logs://files says which were left out, a search does not read them, and one named is read', async () => {
    const server = await startBuiltServer('logs', { LOG_DIRS: root });
    servers.push(server);
    const read = await server.client.readResource({ uri: 'logs://files' });
    const body = JSON.parse(String((read.contents[0] as { text: string }).text)) as Data;
    assert.equal(body.documents.count, 6);
    assert.match(body.documents.note, /6 \.json\/\.txt file\(s\) whose first lines read as a document, not a log .*name one as `file` to read it/);
    const found = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'express' } })) as CallToolResult;
    assert.equal((found.structuredContent as Data).totalMatches, 0, JSON.stringify(found.structuredContent));
    const named = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'express', file: 'package.json' } })) as CallToolResult;
    assert.ok(!named.isError, JSON.stringify(named.content));
    assert.equal((named.structuredContent as Data).totalMatches, 1);
  });
});

// rev26a: logs the start-reading still took for documents, a confident "no matches" for every search.
describe('logs: a .txt log is not taken for a document by its records\' indented lines or a zero-filled start', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'document-names-rev26a-'));
  });
  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('a Java log whose first record carries a long stack trace is a log', async () => {
    const frames = Array.from({ length: 40 }, (_, i) => `\tat com.example.shop.Service.step${i}(Service.java:${i + 10})`);
    const text = ['2026-12-03 10:00:00,123 ERROR [main] c.e.Shop - request failed', 'java.lang.IllegalStateException: cart is closed', ...frames, '2026-12-03 10:00:01,000 INFO [main] c.e.Shop - retry', ''].join('\n');
    writeFileSync(join(root, 'server.txt'), text);
    assert.equal(await holdsLog(join(root, 'server.txt')), true);
  });

  it('a Laravel log saved as .txt, its first record followed by a PHP trace\'s unindented frames, is a log', async () => {
    const frames = Array.from({ length: 12 }, (_, i) => `#${i} /var/www/vendor/laravel/framework/src/Illuminate/Database/Connection.php(${700 + i}): run()`);
    const text = ['[2026-12-03 10:00:00] production.ERROR: SQLSTATE[HY000] [2002] Connection refused', '[stacktrace]', ...frames, '#12 {main}', '"}', ''].join('\n');
    writeFileSync(join(root, 'laravel-2026-12-03.txt'), text);
    assert.equal(await holdsLog(join(root, 'laravel-2026-12-03.txt')), true);
  });

  it('a Spring Boot console under its banner is a log', async () => {
    const banner = ['  .   ____          _            __ _ _', " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\", "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\", " \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )", "  '  |____| .__|_| |_|_| |_\\__, | / / / /", ' =========|_|==============|___/=/_/_/_/', ' :: Spring Boot ::                (v3.2.0)', ''];
    const text = [...banner, '2026-12-03T10:00:00.000Z  INFO 1 --- [main] c.e.ShopApplication : Starting', '2026-12-03T10:00:01.000Z ERROR 1 --- [main] c.e.ShopApplication : Application run failed', ''].join('\n');
    writeFileSync(join(root, 'shop.txt'), text);
    assert.equal(await holdsLog(join(root, 'shop.txt')), true);
  });

  it('a file of only zero bytes (preallocated, its writer not started yet) is listed as an empty one is', async () => {
    writeFileSync(join(root, 'prealloc.txt'), Buffer.alloc(8192));
    assert.equal(await holdsLog(join(root, 'prealloc.txt')), true);
  });

  it('a console kept under a log folder by date is a log, found by the listing', async () => {
    const console42 = join(root, 'logs', '2026-12-03', 'build-42.txt');
    mkdirSync(join(console42, '..'), { recursive: true });
    writeFileSync(console42, 'Started by user admin\n+ npm test\n     AssertionError: expected 10 to equal 12\nFinished: FAILURE\n');
    const listing = await listLogFiles(await prepareDirs([root]));
    assert.ok(listing.files.some((f) => f.name === 'logs/2026-12-03/build-42.txt'), JSON.stringify(listing.files.map((f) => f.name)));
  });

  it('a pretty-printed JSON log (an array of events, `jq .` of a log) is a log', async () => {
    const record = { timestamp: '2026-12-03T10:00:00Z', level: 'error', message: 'payment failed' };
    writeFileSync(join(root, 'export.json'), JSON.stringify([record, { ...record, level: 'info' }], null, 2));
    writeFileSync(join(root, 'pod.json'), `${JSON.stringify(record, null, 2)}\n${JSON.stringify({ ...record, message: 'retry' }, null, 2)}\n`);
    assert.equal(await holdsLog(join(root, 'export.json')), true);
    assert.equal(await holdsLog(join(root, 'pod.json')), true);
  });

  it('the documents stay documents', async () => {
    // Documents that open with a time or a level word, not both: no record header.
    const opened = ['Error codes', 'Release notes for 2024-01-01', 'WARNING: this file is generated, do not edit', 'Note: read the docs first'];
    const prose = '\nsome body text here\nanother line of prose\nmore prose follows\nand more\n';
    for (const [i, first] of opened.entries()) {
      writeFileSync(join(root, `opened-${i}.txt`), first + prose);
      assert.equal(await holdsLog(join(root, `opened-${i}.txt`)), false, first);
    }
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      const path = join(root, name.replace('/', '-'));
      writeFileSync(path, text);
      assert.equal(await holdsLog(path), false, name);
    }
  });
});

describe('logs: a search that finds nothing names the .json/.txt files it left out as documents', function () {
  this.timeout(120_000);
  let root: string;
  let server: StartedServer | undefined;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'document-names-search-'));
    writeFileSync(join(root, 'app.log'), '2026-12-03 10:00:00 INFO started\n');
    // A CI console saved as text: no time, no level, no log word in its name; it reads as a document.
    writeFileSync(join(root, 'jenkins-42.txt'), 'Started by user admin\n+ npm test\n  1 failing\n     AssertionError: expected 10 to equal 12\nFinished: FAILURE\n');
    writeFileSync(join(root, 'package.json'), PACKAGE_JSON);
  });
  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('"no matches" says which files were not searched, and a search that finds something does not', async () => {
    server = await startBuiltServer('logs', { LOG_DIRS: root });
    const none = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'AssertionError' } })) as CallToolResult;
    const empty = none.structuredContent as Data;
    assert.equal(empty.totalMatches, 0);
    assert.ok(empty.notes.some((n: string) => /^not searched: 2 \.json\/\.txt file\(s\) .*jenkins-42\.txt.*name one as `file`/.test(n)), JSON.stringify(empty.notes));
    const some = (await server.client.callTool({ name: 'search_logs', arguments: { pattern: 'started' } })) as CallToolResult;
    const found = some.structuredContent as Data;
    assert.equal(found.totalMatches, 1);
    assert.ok(!found.notes.some((n: string) => /\.json\/\.txt/.test(n)), JSON.stringify(found.notes));
  });

  it('error_summary\'s "no errors" names them too', async () => {
    const summary = (await server!.client.callTool({ name: 'error_summary', arguments: { wholeFile: true } })) as CallToolResult;
    const body = summary.structuredContent as Data;
    assert.equal(body.totalErrors ?? 0, 0, JSON.stringify(body));
    assert.ok(body.notes.some((n: string) => /^not read: 2 \.json\/\.txt file\(s\) .*jenkins-42\.txt/.test(n)), JSON.stringify(body.notes));
  });
});
