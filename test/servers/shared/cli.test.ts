// Command-line configuration from one table: parseArgs, only the argv/env given, generated --help.
import assert from 'node:assert/strict';
import { delimiter } from 'node:path';
import { z } from 'zod';
import { CliUsageError, helpText, readConfig, wantsHelp } from '../../../servers/shared/cli';

const percent = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a percentage from 0 to 100')
  .transform(Number)
  .refine((n) => n <= 100, 'must be a percentage from 0 to 100');

const spec = {
  title: 'demo MCP server',
  command: 'node demo.js',
  options: {
    repo: { flag: 'repo', env: 'REPO_PATH', placeholder: 'DIR', description: 'Repository to read.', value: z.string().min(1), default: '.', defaultText: 'the current folder' },
    cpu: { flag: 'cpu-threshold', env: 'CPU_THRESHOLD', placeholder: 'N', description: 'Warn above N % CPU.', value: percent, default: 80 },
    dirs: { flag: 'log-dir', env: 'LOG_DIRS', placeholder: 'DIR', description: 'A log directory.', value: z.array(z.string()), default: [] as string[], repeatable: true },
    tool: { flag: 'tool-path', placeholder: 'PATH', description: 'A binary.', value: z.string(), default: undefined as string | undefined, defaultText: 'found on PATH' },
  },
  notes: 'Tools: demo_tool.',
};

describe('shared command line', () => {
  it('uses defaults when nothing is given', () => {
    assert.deepEqual(readConfig(spec, [], {}), { repo: '.', cpu: 80, dirs: [], tool: undefined });
  });

  it('reads flags (both spellings) over environment variables; empty variables count as unset', () => {
    const config = readConfig(spec, ['--repo', '/a', '--cpu-threshold=95', '--tool-path', '/bin/rg'], { REPO_PATH: '/env', CPU_THRESHOLD: '10' });
    assert.deepEqual(config, { repo: '/a', cpu: 95, dirs: [], tool: '/bin/rg' });
    assert.deepEqual(readConfig(spec, [], { REPO_PATH: '/env', CPU_THRESHOLD: '' }), { repo: '/env', cpu: 80, dirs: [], tool: undefined });
  });

  it('joins a repeatable flag with its environment list, environment first', () => {
    const config = readConfig(spec, ['--log-dir', '/c', '--log-dir=/d'], { LOG_DIRS: ['/a', ' ', '/b'].join(delimiter) });
    assert.deepEqual(config.dirs, ['/a', '/b', '/c', '/d']);
  });

  it('reads only the argv and env it is given, never the process', () => {
    const saved = process.env.REPO_PATH;
    process.env.REPO_PATH = '/from-process';
    process.argv.push('--tool-path', '/from-process-argv');
    try {
      assert.deepEqual(readConfig(spec, [], {}), { repo: '.', cpu: 80, dirs: [], tool: undefined });
    } finally {
      process.argv.splice(-2, 2);
      if (saved === undefined) delete process.env.REPO_PATH;
      else process.env.REPO_PATH = saved;
    }
  });

  it('refuses unknown flags, missing values and invalid values with a usage error (exit code 2)', () => {
    const refuses = (argv: string[], env: Record<string, string>, pattern: RegExp) =>
      assert.throws(() => readConfig(spec, argv, env), (e: unknown) => e instanceof CliUsageError && e.exitCode === 2 && pattern.test(e.message), argv.join(' '));
    refuses(['--nope'], {}, /Unknown option '--nope'.*--help/);
    refuses(['stray'], {}, /stray/);
    refuses(['--repo'], {}, /--repo/);
    refuses(['--cpu-threshold', '150'], {}, /^--cpu-threshold \/ CPU_THRESHOLD: must be a percentage from 0 to 100, got "150"$/);
    refuses([], { CPU_THRESHOLD: 'lots' }, /CPU_THRESHOLD: must be a percentage/);
  });

  it('generates --help from the table: every flag, variable, default and the notes', () => {
    const help = helpText(spec);
    for (const text of ['demo MCP server', 'Usage: node demo.js [--repo DIR] [--cpu-threshold N] [--log-dir DIR]... [--tool-path PATH]', '--repo DIR', 'REPO_PATH', 'default: the current folder', '--cpu-threshold N', 'CPU_THRESHOLD', 'default: 80', 'repeatable', 'default: found on PATH', '-h, --help', 'Tools: demo_tool.']) {
      assert.ok(help.includes(text), `help mentions ${text}\n${help}`);
    }
    assert.ok(help.endsWith('\n'));
    assert.equal(wantsHelp(['--repo', 'x', '-h']), true);
    assert.equal(wantsHelp(['--repo', 'x']), false);
  });
});
