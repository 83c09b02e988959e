// The extension core's MCP plumbing that needs no process: tool names, server specs, metrics.
// (The supervisor against real processes: test/integration/mcp-supervisor.test.ts.)
import assert from 'node:assert/strict';
import { MetricsRecorder, percentile } from '../../src/mcp/metrics';
import { stampLine } from '../../src/mcp/output-line';
import { resolveRipgrep } from '../../src/mcp/ripgrep';
import { bundledServerSpecs, expandPathSetting, fleetSettingsProblem, LEGACY_ENCODING_EXAMPLES, logDirs, logEncoding, minimalEnv, prometheusCredentials, userServerSpecs, withoutCredentials, workspaceFilesEncoding } from '../../src/mcp/server-specs';
import { MODEL_TOOL_NAME, qualifyToolNames } from '../../src/mcp/tool-names';

describe('tool names', () => {
  it('model-visible names stay valid and unique whatever the server and tool names', () => {
    const names = qualifyToolNames([
      { server: 'git:web app', name: 'git_log' },
      { server: 'git:api', name: 'git_log' },
      { server: 'x', name: 'a.b' },
      { server: 'y', name: 'a_b' },
      { server: 'z', name: 'n'.repeat(80) },
      { server: 'w', name: '도구' },
    ]);
    assert.deepEqual(names.slice(0, 4), ['git_web_app__git_log', 'git_api__git_log', 'a_b', 'a_b_2']);
    assert.ok(names.every((n) => MODEL_TOOL_NAME.test(n)), names.join(' '));
    assert.equal(new Set(names).size, names.length);
  });
});

describe('server specs', () => {
  const base = {
    extensionPath: '/ext',
    execPath: '/bin/node',
    logDirectories: [] as string[],
    thresholds: { cpu: 70, memory: 85, disk: 95 },
    trusted: true,
    baseEnv: { PATH: '/usr/bin' },
  };

  it('one folder: git, logs and system with their environment', () => {
    const specs = bundledServerSpecs({ ...base, folders: [{ name: 'app', path: '/w/app' }], ripgrepPath: '/vs/rg' });
    assert.deepEqual(specs.map((s) => s.name), ['git', 'logs', 'system']);
    const [git, logs, system] = specs;
    assert.equal(git.command, '/bin/node');
    assert.deepEqual(git.args, ['/ext/dist/servers/git.js']);
    assert.deepEqual(git.env, { PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1', REPO_PATH: '/w/app' });
    assert.equal(logs.env.LOG_DIRS, '/w/app');
    assert.equal(logs.env.RIPGREP_PATH, '/vs/rg');
    assert.deepEqual([system.env.CPU_THRESHOLD, system.env.MEMORY_THRESHOLD, system.env.DISK_THRESHOLD], ['70', '85', '95']);
  });

  it('logs: files.encoding is passed as LOG_ENCODING, but for UTF-8, UTF-16 and what is no charset name (charset22)', () => {
    const encoding = (filesEncoding?: string) => bundledServerSpecs({ ...base, folders: [], filesEncoding }).find((s) => s.name === 'logs')!.env.LOG_ENCODING;
    assert.equal(encoding('euckr'), 'euckr');
    assert.equal(encoding('ShiftJIS'), 'shiftjis');
    for (const none of [undefined, '', 'utf8', 'utf8bom', 'utf16le', 'UTF-8', 'euc kr; rm -rf']) assert.equal(encoding(none), undefined, String(none));
  });

  it('logs: a files.encoding the server cannot read is not passed, and its spec says why, naming the accepted encodings (leftovers24)', () => {
    const logs = (filesEncoding?: string) => bundledServerSpecs({ ...base, folders: [], filesEncoding }).find((s) => s.name === 'logs')!;
    for (const wrong of ['euckrr', 'utf32le', 'ebcdic-cp-us-typo', 'euc kr; rm -rf']) {
      const spec = logs(wrong);
      assert.equal(spec.env.LOG_ENCODING, undefined, wrong);
      assert.equal(spec.settingNotes?.length, 1, wrong);
      assert.match(spec.settingNotes![0], /^files\.encoding ".+" is not a charset the logs server can read, so it is not passed to it: .* Accepted: utf8, utf8bom, utf16le, utf16be, or a charset that keeps ASCII as it is, such as euckr, shiftjis, /, wrong);
    }
    for (const right of [undefined, '', 'utf8', 'utf16be', 'euckr', 'cp949', 'windows1252']) assert.equal(logs(right).settingNotes, undefined, String(right));
    // The names a person is offered are names the server takes.
    for (const name of LEGACY_ENCODING_EXAMPLES) assert.equal(logEncoding(name).encoding, name);
  });

  // leftovers25: in a multi-root workspace only the workspace's files.encoding was read: a folder set to shiftjis beside
  // one set to euckr was read in the workspace's charset without a word.
  it('logs: the folders\' files.encoding: one value for all is used, values that differ are named with the one used', () => {
    assert.deepEqual(workspaceFilesEncoding(undefined, [{ name: 'a', value: 'euckr' }, { name: 'b', value: 'euckr' }]), { filesEncoding: 'euckr' });
    assert.deepEqual(workspaceFilesEncoding('utf8', []), { filesEncoding: 'utf8' });
    const differ = workspaceFilesEncoding('euckr', [{ name: 'web', value: 'euckr' }, { name: 'legacy', value: 'shiftjis' }]);
    assert.equal(differ.filesEncoding, 'euckr');
    assert.match(differ.note ?? '', /^files\.encoding differs between the workspace folders \(web: euckr, legacy: shiftjis\); the logs server reads every log folder in one charset, the workspace's: euckr\./);
    const unset = workspaceFilesEncoding(undefined, [{ name: 'web', value: undefined }, { name: 'legacy', value: 'shiftjis' }]);
    assert.match(unset.note ?? '', /\(web: utf8, legacy: shiftjis\).*the workspace's: none set, so lines that are not UTF-8 are read in the charset detected per file/);
    const spec = bundledServerSpecs({ ...base, folders: [], filesEncoding: differ.filesEncoding, filesEncodingNote: differ.note }).find((s) => s.name === 'logs')!;
    assert.equal(spec.env.LOG_ENCODING, 'euckr');
    assert.deepEqual(spec.settingNotes, [differ.note]);
  });

  // rev24: VS Code returns a setting as written in settings.json, off its schema too: `"files.encoding": 42` threw
  // (`trim is not a function`) where the servers' specs are built, and no server started.
  it('logs: a files.encoding that is no string (as settings.json may hold) is said to be no charset, never a throw (rev24)', () => {
    for (const wrong of [42, true, null, ['euckr'], { name: 'euckr' }]) {
      const spec = bundledServerSpecs({ ...base, folders: [], filesEncoding: wrong as unknown as string }).find((s) => s.name === 'logs')!;
      assert.equal(spec.env.LOG_ENCODING, undefined, String(wrong));
      if (wrong === null) assert.equal(spec.settingNotes, undefined, 'null is no setting');
      else assert.match(spec.settingNotes?.[0] ?? '', /^files\.encoding .+ is not a charset the logs server can read/, String(wrong));
    }
  });

  it('system: the fleet settings and the credentials from the environment only with a Prometheus URL', () => {
    const system = (prometheus?: { url: string; hostLabel: string; credentials: Record<string, string> }) =>
      bundledServerSpecs({ ...base, folders: [], prometheus }).find((s) => s.name === 'system')!.env;
    assert.equal(system().PROMETHEUS_URL, undefined);
    assert.equal(system({ url: '', hostLabel: 'host', credentials: { PROMETHEUS_BEARER_TOKEN: 't' } }).PROMETHEUS_BEARER_TOKEN, undefined, 'no URL: no credentials passed');
    const env = system({ url: 'http://prom:9090', hostLabel: 'host', credentials: prometheusCredentials({ PROMETHEUS_BEARER_TOKEN: 't', ANTHROPIC_API_KEY: 'k', PROMETHEUS_USERNAME: '' }) });
    assert.equal(env.PROMETHEUS_URL, 'http://prom:9090');
    assert.equal(env.PROMETHEUS_HOST_LABEL, 'host');
    assert.equal(env.PROMETHEUS_BEARER_TOKEN, 't');
    assert.equal(env.ANTHROPIC_API_KEY, undefined);
    assert.equal('PROMETHEUS_USERNAME' in env, false);
    assert.equal('PROMETHEUS_HOST_LABEL' in system({ url: 'http://prom:9090', hostLabel: '', credentials: {} }), false);
    // break33: the time limit setting reaches the server (a slow Prometheus on a large fleet needs more than 10 s).
    assert.equal(bundledServerSpecs({ ...base, folders: [], prometheus: { url: 'http://prom:9090', hostLabel: '', credentials: {}, timeoutSeconds: 60 } }).find((s) => s.name === 'system')!.env.PROMETHEUS_TIMEOUT, '60');
    const shown = withoutCredentials(env);
    assert.equal('PROMETHEUS_BEARER_TOKEN' in shown, false, 'definitions handed to VS Code carry no credential');
    assert.equal(shown.PROMETHEUS_URL, 'http://prom:9090');
  });

  it("passes NODE_EXTRA_CA_CERTS on to the servers: a Prometheus behind https with a company CA is reachable only with it (break33)", () => {
    assert.equal(minimalEnv({ PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/corp-ca.pem', ANTHROPIC_API_KEY: 'k' }).NODE_EXTRA_CA_CERTS, '/etc/ssl/corp-ca.pem');
  });

  it('system: fleet settings the server would refuse are not passed (this machine\'s tools keep running) and are reported', () => {
    for (const [url, hostLabel] of [['prometheus:9090', ''], ['http://u:p@prom:9090', ''], ['not a url', ''], ['http://prom:9090', 'a-b']]) {
      assert.ok(fleetSettingsProblem({ url, hostLabel }), `${url} ${hostLabel}`);
      const env = bundledServerSpecs({ ...base, folders: [], prometheus: { url, hostLabel, credentials: { PROMETHEUS_BEARER_TOKEN: 't' } } }).find((s) => s.name === 'system')!.env;
      assert.equal(env.PROMETHEUS_URL, undefined);
      assert.equal(env.PROMETHEUS_BEARER_TOKEN, undefined);
    }
    assert.equal(fleetSettingsProblem({ url: '', hostLabel: 'a-b' }), undefined);
    assert.equal(fleetSettingsProblem({ url: 'https://prom.example/prometheus', hostLabel: 'host' }), undefined);
  });

  it('multi-root: ONE git server reading every folder by name; log dirs from every folder plus the setting', () => {
    const specs = bundledServerSpecs({
      ...base,
      folders: [{ name: 'web', path: '/w/web' }, { name: 'api', path: '/w/api' }, { name: 'web', path: '/x/web' }],
      logDirectories: ['logs', '/var/log/app'],
    });
    assert.deepEqual(specs.map((s) => s.name), ['git', 'logs', 'system']);
    assert.deepEqual(specs[0].args, ['/ext/dist/servers/git.js']);
    assert.equal(specs[0].env.REPO_PATH, undefined);
    assert.deepEqual(JSON.parse(specs[0].env.REPO_PATHS), [
      { name: 'web', path: '/w/web' },
      { name: 'api', path: '/w/api' },
      { name: 'web (2)', path: '/x/web' },
    ]);
    assert.deepEqual(specs.find((s) => s.name === 'logs')!.env.LOG_DIRS.split(':'), ['/w/web', '/w/api', '/x/web', '/w/web/logs', '/w/api/logs', '/x/web/logs', '/var/log/app']);
    assert.deepEqual(logDirs([{ path: '/a' }], ['', '/a']), ['/a']);
  });

  it('logs: journal and Docker settings as the logs server\'s environment; ~, ${workspaceFolder} and relative paths expanded', () => {
    const folders = [{ name: 'web', path: '/w/web' }, { name: 'api', path: '/w/api' }];
    const logSources = {
      journal: 'on' as const,
      docker: 'off' as const,
      dockerHost: '',
      journalPaths: ['~/remote', '${workspaceFolder:api}/j/system.journal', '${workspaceFolder}/journal', 'collected', '/var/log/journal/remote/', '/var/log/journal/remote', '/x/user-1000.journal~', '${workspaceFolder:gone}/x'],
    };
    const logs = (hostEnv: NodeJS.ProcessEnv, dockerHost = '') =>
      bundledServerSpecs({ ...base, folders, logSources: { ...logSources, dockerHost }, home: '/home/me', hostEnv }).find((s) => s.name === 'logs')!.env;
    const env = logs({ DOCKER_HOST: 'unix:///run/user/1/docker.sock', DOCKER_CERT_PATH: '', ANTHROPIC_API_KEY: 'k' });
    assert.equal(env.LOG_JOURNAL, 'on');
    assert.equal(env.LOG_DOCKER, 'off');
    assert.deepEqual(env.LOG_JOURNAL_DIRS.split(':'), ['/home/me/remote', '/w/web/journal', '/w/api/journal', '/w/web/collected', '/w/api/collected', '/var/log/journal/remote']);
    assert.deepEqual(env.LOG_JOURNAL_FILES.split(':'), ['/w/api/j/system.journal', '/x/user-1000.journal~']);
    assert.equal(env.DOCKER_HOST, 'unix:///run/user/1/docker.sock', 'DOCKER_HOST from the environment passes through');
    assert.equal('DOCKER_CERT_PATH' in env, false);
    assert.equal(env.ANTHROPIC_API_KEY, undefined);
    assert.equal(logs({ DOCKER_HOST: 'unix:///a.sock' }, 'tcp://b:2375').DOCKER_HOST, 'tcp://b:2375', 'the setting wins');
    assert.equal('DOCKER_HOST' in logs({}), false);
    assert.equal(logs({ XDG_RUNTIME_DIR: '/run/user/1000', SSH_AUTH_SOCK: '/tmp/agent' }).XDG_RUNTIME_DIR, '/run/user/1000', 'rootless Docker\'s socket is found');
    assert.equal('SSH_AUTH_SOCK' in logs({ SSH_AUTH_SOCK: '/tmp/agent' }), false, 'the SSH agent only for an ssh:// engine');
    assert.equal(logs({ SSH_AUTH_SOCK: '/tmp/agent' }, 'ssh://me@build-host').SSH_AUTH_SOCK, '/tmp/agent');
    const none = bundledServerSpecs({ ...base, folders, logSources: { ...logSources, journalPaths: [] }, hostEnv: {} }).find((s) => s.name === 'logs')!.env;
    assert.equal('LOG_JOURNAL_DIRS' in none || 'LOG_JOURNAL_FILES' in none, false);
    assert.deepEqual(expandPathSetting('~/x', folders, undefined), [], 'no home: nothing rather than a wrong path');
    assert.deepEqual(expandPathSetting('${userHome}/x', folders, '/h'), ['/h/x']);
    assert.deepEqual(logDirs(folders, ['~/logs'], '/h'), ['/w/web', '/w/api', '/h/logs']);
  });

  it('Restricted Mode disables git and user servers, not logs and system', () => {
    const specs = bundledServerSpecs({ ...base, trusted: false, folders: [{ name: 'app', path: '/w/app' }] });
    assert.match(specs[0].disabledReason ?? '', /Restricted Mode/);
    assert.equal(specs[1].disabledReason, undefined);
    assert.equal(specs[2].disabledReason, undefined);
    const user = userServerSpecs([{ name: 'mine', command: 'node', args: ['s.js'] }], { trusted: false, baseEnv: {}, takenNames: [] });
    assert.match(user.specs[0].disabledReason ?? '', /Restricted Mode/);
  });

  it('user servers: validated, env merged, duplicates and bad entries reported', () => {
    const { specs, problems } = userServerSpecs(
      [{ name: 'db', command: 'npx', args: ['db-mcp'], env: { DB_URL: 'x' } }, { name: 'git', command: 'x' }, { command: 'no-name' }, 'junk'],
      { trusted: true, baseEnv: { PATH: '/p' }, takenNames: ['git', 'logs', 'system'] },
    );
    assert.deepEqual(specs.map((s) => [s.name, s.command, s.args, s.env]), [['db', 'npx', ['db-mcp'], { PATH: '/p', DB_URL: 'x' }]]);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /already used/);
    assert.deepEqual(userServerSpecs({}, { trusted: true, baseEnv: {}, takenNames: [] }).problems.length, 1);
  });

  it('finds ripgrep in the known VS Code layouts, then PATH', () => {
    const has = (set: string[]) => (p: string) => set.includes(p);
    assert.equal(
      resolveRipgrep('/app', '/usr/bin', has(['/app/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg']), 'linux', 'x64'),
      '/app/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg',
    );
    assert.equal(resolveRipgrep('/app', '/usr/bin', has(['/app/node_modules/@vscode/ripgrep/bin/rg']), 'linux', 'x64'), '/app/node_modules/@vscode/ripgrep/bin/rg');
    assert.equal(resolveRipgrep('/app', '/opt/bin:/usr/bin', has(['/usr/bin/rg']), 'linux', 'x64'), '/usr/bin/rg');
    assert.equal(resolveRipgrep(undefined, '/usr/bin', has([]), 'linux', 'x64'), undefined);
  });
});

describe('output channel lines', () => {
  // The logs server's Output channel read "2026-12-03T14:12:11.376Z 2026-12-03T14:12:10.942Z logs server starting":
  // its stderr lines carry their own time (servers/shared/log.ts) and the channel stamped them again.
  it('a line with its own ISO time keeps it alone; any other line gets the time it was heard', () => {
    const now = new Date('2026-12-03T14:12:11.376Z');
    assert.equal(stampLine('2026-12-03T14:12:10.942Z logs server starting', now), '2026-12-03T14:12:10.942Z logs server starting');
    assert.equal(stampLine('[supervisor] running (pid 7), 4 tools', now), '2026-12-03T14:12:11.376Z [supervisor] running (pid 7), 4 tools');
    // A time that is the line's text, not its stamp (no zone, or not at the start), is not taken for one.
    assert.equal(stampLine('2026-12-03 14:12:10 error in job', now), '2026-12-03T14:12:11.376Z 2026-12-03 14:12:10 error in job');
    assert.equal(stampLine('seen 2026-12-03T14:12:10Z x', now), '2026-12-03T14:12:11.376Z seen 2026-12-03T14:12:10Z x');
  });
});

describe('metrics', () => {
  it('nearest-rank percentiles over recorded durations', () => {
    assert.equal(percentile([], 50), 0);
    assert.equal(percentile([5], 95), 5);
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 95), 95);
    const recorder = new MetricsRecorder();
    for (const d of [10, 20, 30, 1000]) recorder.record('s', 't', d, d === 1000);
    const [m] = recorder.snapshot();
    assert.deepEqual([m.calls, m.errors, m.p50Ms, m.p95Ms], [4, 1, 20, 1000]);
  });
});
