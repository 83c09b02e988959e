// The Docker source provider against a real, private dockerd (test/support/docker-daemon.ts): containers that
// exited, one still running, one with a TTY, lines longer than Docker's 16 KiB split, a log Docker cannot read back.
// Texts and streams are the known lines each container writes; times are checked against the daemon's own
// json-file log (ns in the file, ms here). Skipped with the reason when dockerd cannot run (it needs root).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dockerProvider } from '../../../servers/logs/sources/docker';
import { DockerSourceProvider, replacedNote, restartedNote } from '../../../servers/logs/sources/docker/provider';
import { parseTimestamp } from '../../../servers/logs/format/timestamps';
import type { RecordQuery, SourceRecord } from '../../../servers/logs/sources/types';
import { NotFoundError, UserFacingError } from '../../../servers/shared/tool-result';
import { dockerSkipReason, startDockerDaemon, BUSYBOX_IMAGE, type DockerDaemon } from '../../support/docker-daemon';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';
import { freePort } from '../../support/real-components';
import { waitUntil } from '../../support/wait';

/** 8 lines 0.3 s apart, odd ones on stdout, even ones on stderr: spans at least two whole seconds. */
const MIXED = 'for i in 1 2 3 4 5 6 7 8; do if [ $((i % 2)) = 1 ]; then echo "line $i out"; else echo "line $i err" >&2; fi; sleep 0.3; done';
const MIXED_LINES = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ text: `line ${i} ${i % 2 ? 'out' : 'err'}`, stream: i % 2 ? 'stdout' : 'stderr' }));
/**
 * 'L' + 32768 x (one stdout line Docker splits in three), 8192 '€' on stderr (24576 bytes: Docker splits it inside
 * a character, and its json-file driver stores each piece as JSON, the cut character as U+FFFD), a partial last line.
 */
const LONG = 's=x; for i in $(seq 1 15); do s=$s$s; done; e=€; for i in $(seq 1 13); do e=$e$e; done; echo "L$s"; echo "$e" >&2; echo short; printf "tail without newline"';
const LONG_X = `L${'x'.repeat(32768)}`;

async function records(provider: DockerSourceProvider, name: string, query: RecordQuery = {}): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const record of provider.read(name, query)) out.push(record);
  return out;
}

const texts = (list: SourceRecord[]) => list.map((r) => r.text);

/** The logs://files resource of a running logs server, parsed. */
async function filesOf(server: StartedServer): Promise<unknown> {
  const [content] = (await server.client.readResource({ uri: 'logs://files' })).contents;
  return JSON.parse('text' in content ? content.text : '');
}

describe('logs docker source: a real dockerd', function () {
  this.timeout(180_000);
  const skip = dockerSkipReason();
  let daemon: DockerDaemon;
  let provider: DockerSourceProvider;
  let ids: Record<string, string>;

  before(async function () {
    if (skip) {
      console.log(`    (skipped: ${skip})`);
      return this.skip();
    }
    daemon = await startDockerDaemon();
    ids = {
      mixed: await daemon.run('mixed', MIXED),
      long: await daemon.run('long', LONG),
      tty: await daemon.run('tty', `echo 'tty one'; echo 'tty err' >&2; s=y; for i in $(seq 1 15); do s=$s$s; done; echo "$s"`, { tty: true }),
      big: await daemon.run('big', 'seq 1 200000'),
      // 40 lines of 32 KiB: three messages each, so 35 lines need more messages than the first ask (35 + margin).
      manylong: await daemon.run('manylong', 's=z; for i in $(seq 1 15); do s=$s$s; done; for i in $(seq 1 40); do echo "$i $s"; done'),
      running: await daemon.run('running', "echo 'still here'; sleep 0.2; echo 'oops' >&2; while true; do sleep 1; done"),
      nolog: await daemon.run('nolog', 'echo nowhere', { logDriver: 'none' }),
      errors: await daemon.run('errors', "echo 'INFO service started'; sleep 0.1; echo 'ERROR payment timeout after 30s' >&2; sleep 0.1; echo 'ERROR payment timeout after 31s' >&2; sleep 0.1; echo 'WARN slow'"),
    };
    for (const name of ['mixed', 'long', 'tty', 'big', 'manylong', 'nolog', 'errors']) await daemon.waitExited(name);
    provider = new DockerSourceProvider({ host: daemon.host });
    await waitUntil('the running container to have written its lines', async () => (await records(provider, 'docker:running')).length === 2);
  });

  after(async () => daemon?.stop());

  it('lists every container, running and exited, as docker:<name> with its image, state and the daemon address', async () => {
    const { sources, problem } = await provider.list();
    assert.equal(problem, undefined);
    const byName = new Map(sources.map((s) => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['docker:big', 'docker:errors', 'docker:long', 'docker:manylong', 'docker:mixed', 'docker:nolog', 'docker:running', 'docker:tty']);
    assert.equal(byName.get('docker:running')?.container?.state, 'running');
    assert.equal(byName.get('docker:mixed')?.container?.state, 'exited');
    assert.equal(byName.get('docker:mixed')?.container?.id, ids.mixed);
    assert.equal(byName.get('docker:mixed')?.container?.image, BUSYBOX_IMAGE);
    assert.match(byName.get('docker:mixed')?.container?.status ?? '', /^Exited \(0\)/);
    // What choosing sources by recency needs: running, and when a stopped one stopped (from the daemon's inspect).
    assert.equal(byName.get('docker:running')?.running, true);
    const finished = JSON.parse(await daemon.docker('inspect', '--format', '{{json .State.FinishedAt}}', 'mixed')) as string;
    assert.equal(byName.get('docker:mixed')?.lastWritten, Date.parse(finished));
    assert.equal(byName.get('docker:mixed')?.running, undefined);
    for (const source of sources) assert.deepEqual([source.kind, source.location], ['docker', `docker at ${daemon.host}`]);
  });

  it('reads every line with its stream and the time the daemon wrote (ms), oldest first, by source name, name or id', async () => {
    const all = await records(provider, 'docker:mixed');
    assert.deepEqual(all.map((r) => ({ text: r.text, stream: r.stream })), MIXED_LINES);
    const fileTimes = daemon.jsonLog(ids.mixed).map((entry) => parseTimestamp(entry.time));
    assert.deepEqual(all.map((r) => r.time), fileTimes);
    assert.ok(all.every((r) => r.container === 'mixed'));
    assert.deepEqual(texts(await records(provider, 'mixed')), texts(all));
    assert.deepEqual(texts(await records(provider, ids.mixed.slice(0, 12))), texts(all));
  });

  it('keeps [since, until) exact to the ms although the API cuts at whole seconds', async () => {
    const all = await records(provider, 'docker:mixed');
    const times = all.map((r) => r.time!);
    // A since inside a second that also holds the line before it: the API's whole-second cut lets that line through.
    const k = times.findIndex((t, i) => i > 0 && Math.floor(t / 1000) === Math.floor(times[i - 1] / 1000));
    assert.ok(k > 0, `two lines 0.3 s apart share a second: ${times.join(', ')}`);
    const until = Math.min(k + 3, times.length - 1);
    const window = await records(provider, 'docker:mixed', { since: times[k], until: times[until] });
    assert.deepEqual(texts(window), texts(all.slice(k, until)));
    assert.deepEqual(texts(await records(provider, 'docker:mixed', { since: times[k] + 1 })), texts(all.slice(k + 1)));
    assert.deepEqual(texts(await records(provider, 'docker:mixed', { until: times[0] })), []);
    assert.deepEqual(texts(await records(provider, 'docker:mixed', { since: times[7] + 1 })), []);
  });

  it('gives the newest N lines with tail, alone, after a since, and before an until', async () => {
    const all = await records(provider, 'docker:mixed');
    const times = all.map((r) => r.time!);
    assert.deepEqual(texts(await records(provider, 'docker:mixed', { tail: 3 })), texts(all.slice(5)));
    assert.deepEqual(texts(await records(provider, 'docker:mixed', { tail: 10, since: times[5] })), texts(all.slice(5)));
    assert.deepEqual(texts(await records(provider, 'docker:mixed', { tail: 2, until: times[5] })), texts(all.slice(3, 5)));
    assert.deepEqual(texts(await records(provider, 'docker:mixed', { tail: 0 })), []);
    assert.deepEqual(texts(await records(provider, 'docker:big', { tail: 3 })), ['199998', '199999', '200000']);
  });

  it('joins the lines Docker split at 16 KiB (stdout, and stderr mid-character) and keeps the last line without a newline', async () => {
    const entries = daemon.jsonLog(ids.long);
    assert.ok(entries.filter((e) => !e.log.endsWith('\n')).length >= 4, `Docker split the long lines: ${entries.length} entries`);
    const all = await records(provider, 'docker:long');
    // Each stream in its own order; between the two, the order is the daemon's (the time it read each line).
    const out = texts(all.filter((r) => r.stream === 'stdout'));
    assert.ok(out[0] === LONG_X, `the long stdout line whole (${out[0]?.length} characters)`);
    assert.deepEqual(out.slice(1), ['short', 'tail without newline']);
    // What Docker kept of the '€' line (it replaced the character it cut by U+FFFD when storing the pieces): the pieces joined.
    const euros = entries.filter((e) => e.stream === 'stderr').map((e) => e.log).join('').replace(/\n$/, '');
    assert.ok(euros.startsWith('€'.repeat(5000)) && euros.length > 8000, 'the stderr line is the € line');
    assert.ok(texts(all.filter((r) => r.stream === 'stderr'))[0] === euros, 'the stderr line is exactly what Docker kept');
    assert.equal(all.filter((r) => r.stream === 'stderr').length, 1);
    const firstPieces = entries.filter((e, i) => i === 0 || entries.slice(0, i).reverse().find((p) => p.stream === e.stream)?.log.endsWith('\n') !== false);
    // Per stream: lines are given as they complete (sources/docker/lines.ts), so a stdout line that completes while a
    // split stderr line is still arriving comes first although its first piece is a millisecond later.
    for (const stream of ['stdout', 'stderr']) {
      const times = all.filter((r) => r.stream === stream).map((r) => r.time);
      assert.deepEqual(times, firstPieces.filter((e) => e.stream === stream).map((e) => parseTimestamp(e.time)), `each ${stream} line has the time of its first piece`);
    }
  });

  it('gives whole lines with tail although the daemon counts the pieces of a split line (the oldest may be a piece)', async () => {
    for (const name of ['docker:long', 'docker:tty']) {
      const all = await records(provider, name);
      for (let n = 1; n <= all.length + 1; n++) {
        const tail = await records(provider, name, { tail: n });
        assert.deepEqual(tail.map((r) => `${r.time} ${r.text.length}`), all.slice(-n).map((r) => `${r.time} ${r.text.length}`), `${name} tail ${n}`);
      }
    }
    const z = 'z'.repeat(32768);
    const numbers = (list: SourceRecord[]) => list.map((r) => (r.text === `${r.text.split(' ')[0]} ${z}` ? Number(r.text.split(' ')[0]) : r.text.slice(0, 40)));
    assert.deepEqual(numbers(await records(provider, 'docker:manylong', { tail: 35 })), Array.from({ length: 35 }, (_, i) => i + 6));
    assert.deepEqual(numbers(await records(provider, 'docker:manylong', { tail: 1 })), [40]);
    // A tail too long to hold is read twice (count, then stream after the extra lines): the same lines.
    const streaming = new DockerSourceProvider({ host: daemon.host, heldTailLines: 0 });
    assert.deepEqual(numbers(await records(streaming, 'docker:manylong', { tail: 35 })), Array.from({ length: 35 }, (_, i) => i + 6));
    for (const name of ['docker:long', 'docker:tty', 'docker:mixed']) {
      const all = await records(provider, name);
      for (const n of [1, 2, all.length, all.length + 5]) assert.deepEqual(texts(await records(streaming, name, { tail: n })), texts(all.slice(-n)), `${name} tail ${n}, streamed`);
    }
  });

  it('reads a TTY container (no multiplexing): its lines without "\\r", all on stdout, the long one joined', async () => {
    const all = await records(provider, 'docker:tty');
    assert.deepEqual(all.map((r) => [r.stream, r.text.length > 100 ? `${r.text.length} × ${r.text[0]}` : r.text]), [['stdout', 'tty one'], ['stdout', 'tty err'], ['stdout', '32768 × y']]);
    assert.ok(all[2].text === 'y'.repeat(32768));
  });

  it('reads a running container up to now and ends', async () => {
    assert.deepEqual((await records(provider, 'docker:running')).map((r) => [r.stream, r.text]), [['stdout', 'still here'], ['stderr', 'oops']]);
  });

  it('stops reading when the signal aborts or the reader stops, without reading the rest', async () => {
    const controller = new AbortController();
    let seen = 0;
    await assert.rejects(
      (async () => {
        for await (const _record of provider.read('docker:big', { signal: controller.signal })) if (++seen === 10) controller.abort();
      })(),
      (error: Error) => error.name === 'AbortError',
    );
    assert.equal(seen, 10);
    let first: SourceRecord | undefined;
    for await (const record of provider.read('docker:big', {})) {
      first = record;
      break;
    }
    assert.equal(first?.text, '1');
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(records(provider, 'docker:big', { signal: aborted.signal }), (error: Error) => error.name === 'AbortError');
  });

  it('honours DOCKER_HOST (unix://, and tcp:// with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH) when no address is given', async () => {
    const viaEnv = new DockerSourceProvider({ env: { DOCKER_HOST: daemon.host } });
    assert.equal(viaEnv.location, `docker at ${daemon.host}`);
    assert.equal((await viaEnv.list()).sources.length, 8);
    const viaTls = new DockerSourceProvider({ env: { DOCKER_HOST: daemon.tcpHost, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: daemon.certPath } });
    assert.equal(viaTls.location, `docker at ${daemon.tcpHost}`);
    assert.deepEqual(texts(await records(viaTls, 'docker:mixed', { tail: 1 })), ['line 8 err']);
    // The same port without the TLS settings: the daemon's answer to plain HTTP, turned into what to set.
    const plain = await new DockerSourceProvider({ env: { DOCKER_HOST: daemon.tcpHost } }).list();
    assert.match(plain.problem ?? '', /wants TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH/);
  });

  it('says the container is unknown, naming the known ones', async () => {
    await assert.rejects(records(provider, 'docker:ghost'), (error: Error) => {
      assert.ok(error instanceof NotFoundError, 'an unknown container is not found (resources/read: -32002)');
      assert.match(error.message, /^no container "ghost" at unix:\/\/.*known containers are .*docker:mixed.*docker ps -a/);
      return true;
    });
    // Not a name Docker allows: never sent as a request path (it would reach another endpoint: /containers/../version).
    await assert.rejects(records(provider, 'docker:../../version'), /^Error: no container "\.\.\/\.\.\/version" at unix:/);
  });

  it('says when Docker cannot read a log back (the "none" log driver)', async () => {
    await assert.rejects(records(provider, 'docker:nolog'), /the logs of container nolog cannot be read back: it logs with the "none" driver .*--log-driver json-file/);
  });

  it('says the daemon is not running, at which address, for a socket without a daemon and a port without one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'no-docker-'));
    try {
      const missing = new DockerSourceProvider({ host: `unix://${dir}/docker.sock` });
      const { sources, problem } = await missing.list();
      assert.deepEqual(sources, []);
      assert.match(problem ?? '', new RegExp(`not running: there is no socket at ${dir}/docker\\.sock\\. Start Docker`));
      await assert.rejects(records(missing, 'docker:mixed'), (error: Error) => error instanceof UserFacingError && error.message === problem);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const port = await freePort();
    const refused = await new DockerSourceProvider({ host: `tcp://127.0.0.1:${port}` }).list();
    assert.match(refused.problem ?? '', new RegExp(`not running: nothing answers at tcp://127\\.0\\.0\\.1:${port}`));
  });

  it('with --docker auto, a machine without a daemon lists nothing and reports no problem, but reading still says why', async () => {
    const port = await freePort();
    const absent = dockerProvider({ docker: 'auto', dockerHost: `tcp://127.0.0.1:${port}` });
    assert.deepEqual(await absent?.list(), { sources: [] });
    await assert.rejects(records(absent!, 'docker:mixed'), /not running: nothing answers/);
    assert.equal((await dockerProvider({ docker: 'auto', dockerHost: daemon.host })?.list())?.sources.length, 8);
    assert.match((await dockerProvider({ docker: 'on', dockerHost: `tcp://127.0.0.1:${port}` })?.list())?.problem ?? '', /not running/);
    assert.equal(dockerProvider({ docker: 'off', dockerHost: daemon.host }), undefined);
  });

  it('says the API version is refused when the client asks for one the daemon does not speak', async () => {
    const old = new DockerSourceProvider({ host: daemon.host, apiVersion: '1.11' });
    assert.match((await old.list()).problem ?? '', /refuses this client's API version: client version 1\.11 is too old.*Upgrade Docker/);
  });

  it('runs from a production bundle (esbuild, native addons of ssh2 left out): lists, and an ssh:// host loads ssh2', async function () {
    const { build } = await import('esbuild');
    const { nodeBundleOptions } = await import('../../../scripts/esbuild-node.mjs');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docker-bundle-'));
    try {
      const outfile = path.join(dir, 'docker-list.js');
      await build({ ...nodeBundleOptions(true), entryPoints: [path.join(__dirname, '../../support/docker-list.ts')], outfile });
      const listWith = (host: string) => {
        const result = spawnSync(process.execPath, [outfile, host], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        assert.equal(result.status, 0, result.stderr);
        return JSON.parse(result.stdout) as { sources: unknown[]; problem?: string };
      };
      assert.equal(listWith(daemon.host).sources.length, 8);
      const port = await freePort();
      assert.match(listWith(`ssh://nobody@127.0.0.1:${port}`).problem ?? '', new RegExp(`nothing answers at ssh://nobody@127\\.0\\.0\\.1:${port}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says a user without permission on the socket what to do, and that user in the docker group gets in', function () {
    // Root passes every permission check, so the client runs as nobody (uid 65534); the socket is 0660 root:docker.
    const group = readFileSync('/etc/group', 'utf8').split('\n').find((line) => line.startsWith('docker:'));
    if (!group) return this.skip();
    const dockerGid = Number(group.split(':')[2]);
    const listAs = (groups: number) => {
      // auto mode: no permission is still a problem to report (unlike no daemon at all).
      const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../support/docker-list.ts'), daemon.host, 'auto'], {
        uid: 65534,
        gid: groups,
        cwd: process.cwd(),
        env: { PATH: process.env.PATH, HOME: os.tmpdir() },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(result.status, 0, result.stderr);
      return JSON.parse(result.stdout) as { sources: unknown[]; problem?: string };
    };
    const denied = listAs(65534);
    assert.deepEqual(denied.sources, []);
    assert.match(denied.problem ?? '', new RegExp(`^no permission to use the Docker socket ${daemon.socketPath}: add your user to the docker group`));
    assert.equal(listAs(dockerGid).sources.length, 8);
  });
  describe('through the logs server over stdio (--docker on, DOCKER_HOST)', () => {
    let server: StartedServer;
    const call = async (name: string, args: Record<string, unknown>) => {
      const result = (await server.client.callTool({ name, arguments: args })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      return result.structuredContent as Record<string, unknown>;
    };
    before(async () => (server = await startBuiltServer('logs', { DOCKER_HOST: daemon.host, LOG_JOURNAL: 'off' }, ['--docker', 'on'])));
    after(async () => server?.close());

    it('logs://source of an unknown container is -32002 resource not found, naming the known ones; a source the server does not have is not -32603', async () => {
      const failure = (uri: string) => server.client.readResource({ uri }).then(() => undefined, (e: { code?: number; message: string; data?: unknown }) => e);
      const ghost = await failure('logs://source/docker%3Aghost');
      assert.deepEqual([ghost?.code, ghost?.data], [-32002, { uri: 'logs://source/docker%3Aghost' }]);
      assert.match(ghost!.message, /no container "ghost" at .*known containers are/);
      const off = await failure('logs://source/journal%3Anginx.service');
      assert.deepEqual([off?.code, off?.message.replace(/^MCP error -32002: /, '')], [-32002, 'journal sources are turned off in this server: turn them on with --journal on / LOG_JOURNAL=on, or --journal-dir / --journal-file']);
      const { contents } = await server.client.readResource({ uri: 'logs://source/docker%3Aerrors' });
      assert.match((contents[0] as { text: string }).text, /ERROR payment timeout after 31s/);
    });

    it('lists the containers in logs://files and answers recent_logs, search_logs and error_summary on one', async () => {
      const files = await filesOf(server) as { sources: Array<{ name: string; location: string; uri: string }>; sourceProblems?: string[] };
      assert.deepEqual(files.sources.map((s) => s.name).sort(), ['docker:big', 'docker:errors', 'docker:long', 'docker:manylong', 'docker:mixed', 'docker:nolog', 'docker:running', 'docker:tty']);
      assert.equal(files.sources.find((s) => s.name === 'docker:errors')?.uri, 'logs://source/docker%3Aerrors');
      assert.deepEqual(files.sourceProblems ?? [], []);
      const recent = await call('recent_logs', { file: 'docker:errors', lines: 2 });
      assert.deepEqual((recent.lines as Array<{ text: string; stream: string }>).map((l) => [l.stream, l.text]).sort(), [['stderr', 'ERROR payment timeout after 31s'], ['stdout', 'WARN slow']]);
      const search = await call('search_logs', { pattern: 'timeout', container: 'errors' });
      assert.deepEqual((search.matches as Array<{ text: string; stream: string }>).map((m) => [m.stream, m.text]).sort(), [['stderr', 'ERROR payment timeout after 30s'], ['stderr', 'ERROR payment timeout after 31s']]);
      const summary = await call('error_summary', { file: 'docker:errors' });
      assert.equal(summary.totalErrors, 2);
      assert.deepEqual((summary.groups as Array<{ count: number }>).map((g) => g.count), [2]);
    });

    it('error_summary counts a Java stack trace as one error, as in a file: its frames continue the entry', async () => {
      const trace = '2024-01-01 10:00:00.123 ERROR [main] c.e.App - Request failed\\njava.lang.IllegalStateException: boom\\n\\tat com.example.App.run(App.java:42)\\nCaused by: java.io.IOException: disk\\n\\t... 2 more\\n2024-01-01 10:00:01.000 INFO [main] c.e.App - recovered\\n';
      await daemon.run('java.app-blue', `printf '${trace}'`);
      await daemon.waitExited('java.app-blue');
      try {
        const summary = await call('error_summary', { file: 'docker:java.app-blue' });
        assert.equal(summary.totalErrors, 1);
        // The logger after the thread is the entry's component, not part of its template.
        assert.deepEqual((summary.groups as Array<{ template: string; count: number }>).map((g) => [g.template, g.count]), [['Request failed', 1]]);
        // search_logs still shows the frames under the entry's level, as it does for a file.
        const search = await call('search_logs', { file: 'docker:java.app-blue', level: 'ERROR' });
        assert.equal(search.totalMatches, 5);
      } finally {
        await daemon.docker('rm', '-f', 'java.app-blue');
      }
    });

    it('levels22: a container without levels points at its lines that read as errors; an empty ERROR header is grouped by the text below it', async () => {
      await daemon.run('nolevels', "printf 'listening on :8080\\nfailed to connect to db: connection refused\\nrequest 3 served\\n'");
      const spring = '2026-01-01 10:00:00.000 ERROR 1 --- [main] o.s.b.d.LoggingFailureAnalysisReporter   : \\n\\n***************************\\nAPPLICATION FAILED TO START\\n***************************\\n\\nDescription:\\n\\nWeb server failed to start. Port 8080 was already in use.\\n';
      await daemon.run('failedstart', `printf '${spring}'`);
      await daemon.waitExited('nolevels');
      await daemon.waitExited('failedstart');
      try {
        const search = await call('search_logs', { file: 'docker:nolevels', level: 'ERROR' });
        assert.equal(search.totalMatches, 0);
        const source = (search.files as Array<Record<string, unknown>>).find((f) => f.file === 'docker:nolevels');
        assert.deepEqual(source?.textErrors, { lines: 1, first: [2] }, JSON.stringify(search));
        const summary = await call('error_summary', { file: 'docker:failedstart', wholeFile: true });
        assert.equal(summary.totalErrors, 1, JSON.stringify(summary.groups));
        const [group] = summary.groups as Array<{ template: string }>;
        assert.match(group.template, /^APPLICATION FAILED TO START Description: Web server failed to start\. Port <\*> was already in use\.$/);
      } finally {
        await daemon.docker('rm', '-f', 'nolevels', 'failedstart');
      }
    });

    it('a plain line after an ERROR line is a record of its own, not part of the error; frames still are (break20)', async () => {
      // Docker stores every line a container writes as a record of its own: only a line shaped as a continuation (a
      // frame, `Caused by:`) belongs to the ERROR line above; a progress line written next is not an error.
      await daemon.run('plainafter', "printf 'ERROR upload failed\\n\\tat com.example.Up.run(Up.java:9)\\nCaused by: java.io.IOException: disk\\nprogress 10%% 20%% 100%%\\n'");
      await daemon.waitExited('plainafter');
      try {
        const recent = await call('recent_logs', { file: 'docker:plainafter', lines: 10 });
        const lines = recent.lines as Array<{ text: string; level?: string }>;
        assert.deepEqual(lines.map((l) => [l.text.slice(0, 8), l.level ?? null]), [['ERROR up', 'ERROR'], ['\tat com.', 'ERROR'], ['Caused b', 'ERROR'], ['progress', null]]);
        const search = await call('search_logs', { file: 'docker:plainafter', level: 'ERROR' });
        assert.equal(search.totalMatches, 3);
      } finally {
        await daemon.docker('rm', '-f', 'plainafter');
      }
    });

    it('a stderr line never continues the stdout entry above it, and a container that failed says its exit code', async () => {
      // A Python worker dying of an uncaught exception: its INFO lines on stdout, the traceback on stderr, exit 1.
      const script = 'echo "$(date -u +%FT%TZ) INFO worker started"; printf "Traceback (most recent call last):\\n  File \\"/app/worker.py\\", line 88, in <module>\\nZeroDivisionError: division by zero\\n" >&2; exit 1';
      await daemon.run('crashy', script);
      await daemon.waitExited('crashy');
      try {
        const recent = await call('recent_logs', { file: 'docker:crashy', lines: 10 });
        const lines = recent.lines as Array<{ text: string; stream: string; level?: string }>;
        assert.equal(lines.length, 4);
        // The stderr lines are no part of the INFO entry above them; the traceback they print is an error of its own.
        for (const line of lines) assert.equal(line.level, line.stream === 'stdout' ? 'INFO' : 'ERROR', JSON.stringify(line));
        assert.ok((recent.notes as string[]).some((n) => /^docker:crashy: the container exited with code 1 at \d{4}-\d\d-\d\dT/.test(n)), JSON.stringify(recent.notes));
        const summary = await call('error_summary', { file: 'docker:crashy' });
        assert.ok((summary.notes as string[]).some((n) => n.includes('exited with code 1')), JSON.stringify(summary.notes));
        // A clean exit says nothing of the kind.
        const clean = await call('error_summary', { file: 'docker:errors' });
        assert.ok(!(clean.notes as string[]).some((n) => n.includes('exited with code')), JSON.stringify(clean.notes));
      } finally {
        await daemon.docker('rm', '-f', 'crashy');
      }
    });

    it('a container its restart policy restarted says how often, and how its last run ended (break35)', async () => {
      // A worker that cannot reach its database, restarted twice by on-failure:2: its log holds the three runs' lines one
      // after the other, and only the container's state says it died in between.
      await daemon.docker('run', '-d', '--network', 'none', '--name', 'looper', '--restart', 'on-failure:2', BUSYBOX_IMAGE, 'sh', '-c', 'echo "ERROR cannot reach db:5432"; exit 1');
      try {
        await waitUntil('looper to have been restarted twice and stopped', async () => (await daemon.docker('inspect', '--format', '{{.RestartCount}} {{.State.Status}}', 'looper')).trim() === '2 exited');
        const summary = await call('error_summary', { file: 'docker:looper' });
        assert.equal(summary.totalErrors, 3);
        const notes = summary.notes as string[];
        assert.ok(notes.includes('docker:looper: the container has been restarted 2 times by its restart policy (on-failure)'), JSON.stringify(notes));
        assert.ok(notes.some((n) => /^docker:looper: the container exited with code 1 at /.test(n)), JSON.stringify(notes));
      } finally {
        await daemon.docker('rm', '-f', 'looper');
      }
      // Between two runs of a crash loop, and running again after restarts (states Docker gives for a short time only).
      assert.equal(
        restartedNote(7, 'always', { Running: true, Restarting: true, ExitCode: 1, FinishedAt: '2026-12-03T11:30:25.85125916Z' }),
        'the container has been restarted 7 times by its restart policy (always); it is restarting now: its last run exited with code 1 at 2026-12-03T11:30:25.851Z',
      );
      assert.equal(restartedNote(1, 'unless-stopped', { Running: true, StartedAt: '2026-12-03T11:00:00Z' }), 'the container has been restarted 1 time by its restart policy (unless-stopped); its current run started at 2026-12-03T11:00:00.000Z');
      assert.equal(restartedNote(0, 'always', { Running: true }), undefined);
    });

    it('a container that wrote bytes that are not UTF-8 says its lines hold U+FFFD, where a search for their letters finds nothing (break35)', async () => {
      // EUC-KR "데이터베이스 연결 실패" from a Korean Windows-era program: the json-file driver stores U+FFFD in its place.
      await daemon.run('legacy', 'printf "ERROR \\265\\245\\300\\314\\305\\315\\272\\243\\300\\314\\275\\272 \\277\\254\\260\\341\\n"; echo "INFO ok"');
      await daemon.waitExited('legacy');
      try {
        const found = await call('search_logs', { file: 'docker:legacy', pattern: 'ERROR' });
        assert.match((found.matches as Array<{ text: string }>)[0].text, /^ERROR \uFFFD/);
        assert.deepEqual(found.notes, [`docker:legacy: ${replacedNote('json-file')}`]);
        const clean = await call('search_logs', { file: 'docker:errors', pattern: 'ERROR' });
        assert.deepEqual(clean.notes, []);
      } finally {
        await daemon.docker('rm', '-f', 'legacy');
      }
    });

    it('says in logs://files why containers are missing when the daemon is not there', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'no-docker-'));
      const down = await startBuiltServer('logs', { DOCKER_HOST: `unix://${dir}/docker.sock`, LOG_JOURNAL: 'off' }, ['--docker', 'on']);
      try {
        const files = await filesOf(down) as { sources: unknown[]; sourceProblems?: string[] };
        assert.deepEqual(files.sources, []);
        assert.match((files.sourceProblems ?? []).join(' '), /the Docker daemon is not running: there is no socket at .*docker\.sock/);
        const result = (await down.client.callTool({ name: 'recent_logs', arguments: { file: 'docker:errors' } })) as CallToolResult;
        assert.ok(result.isError);
        assert.match(JSON.stringify(result.content), /not running/);
      } finally {
        await down.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
