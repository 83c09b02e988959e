import os from 'node:os';
import { z } from 'zod';
import * as si from 'systeminformation';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { guarded, toolResult } from '../shared/tool-result';
import { progressReporter, throwIfAborted } from '../shared/progress';
import { sanitizeLine } from '../shared/sanitize';
import type { SystemConfig } from './config';
import { cpuSnapshot, cpuUsageBetween, exclusive, formatBytes, freshSample, measuredWait, readMemory, round1 } from './sampling';
import { effectiveThresholds, evaluateWarnings, thresholdInputs, thresholdsSchema, warningSchema } from './warnings';
import { READ_ONLY_LIVE } from './annotations';

const NAME_MAX_CHARS = 100;
const COMMAND_MAX_CHARS = 300;

const inputSchema = z.object({
  sortBy: z.enum(['cpu', 'memory']).default('cpu').describe('"cpu" (busiest first) or "memory" (largest resident memory first)'),
  count: z.number().int().min(1).max(100).default(10).describe('how many processes to return (1–100)'),
  name: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('only processes whose name or command line contains this text (case-insensitive), e.g. "postgres"'),
  intervalMs: z
    .number()
    .int()
    .min(500)
    .max(5000)
    .default(1000)
    .describe('how long to measure per-process CPU use, in milliseconds (500–5000)'),
  cpuThreshold: thresholdInputs.cpu,
  memoryThreshold: thresholdInputs.memory,
});

const processSchema = z.object({
  pid: z.number(),
  parentPid: z.number(),
  name: z.string(),
  cpuPercent: z.number().describe('share of the whole machine over the interval (all cores = 100)'),
  memoryPercent: z.number().describe('resident memory as % of total memory'),
  memoryBytes: z.number().describe('resident set size'),
  user: z.string(),
  state: z.string(),
  started: z.string().describe('start time, ISO 8601 when the platform gives one'),
  command: z.string().describe(`command line, control characters removed, secrets masked, at most ${COMMAND_MAX_CHARS} characters`),
});

const outputSchema = z.object({
  summary: z.string(),
  measuredAt: z.string(),
  sortBy: z.enum(['cpu', 'memory']),
  intervalMs: z.number(),
  processes: z.array(processSchema),
  matched: z.number().describe('processes that passed the name filter (all of them without one)'),
  truncated: z.boolean().describe('true when more processes matched than were returned'),
  totals: z.object({ processes: z.number(), running: z.number(), sleeping: z.number(), blocked: z.number() }),
  cpuPercent: z.number().nullable().describe('overall CPU use over the same interval'),
  memoryPercent: z.number(),
  thresholds: thresholdsSchema,
  warnings: z.array(warningSchema),
});

type ProcessRow = z.infer<typeof processSchema>;

const SECRET_NAME = /password|passwd|pwd|token|secret|api[-_]?key|access[-_]?key|auth/i;
const OPTION_NAME = /^-{0,2}[\w.-]+$/;

/**
 * Masks values of password/token/secret/key-like arguments (`--password=x`, `--api-key x`, `DB_PWD=x`)
 * and credentials inside URLs. Works word by word, so its time stays linear in the input.
 */
export function maskSecrets(commandLine: string): string {
  const parts = commandLine.split(/(\s+)/); // words at even indexes, the whitespace between them at odd ones
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i];
    const eq = word.indexOf('=');
    if (eq > 0) {
      const name = word.slice(0, eq);
      if (eq < word.length - 1 && OPTION_NAME.test(name) && SECRET_NAME.test(name)) parts[i] = `${name}=***`;
    } else if (OPTION_NAME.test(word) && SECRET_NAME.test(word) && parts[i + 2] && !parts[i + 2].startsWith('-')) {
      parts[i + 2] = '***';
      i += 2;
    }
  }
  // The look-behind keeps the scheme match from restarting inside a long run of letters (quadratic time).
  return parts.join('').replace(/(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, '$1***@');
}

/** Only this much of a command line is masked: more than is ever shown, and it bounds the regex work. */
const MASK_WINDOW = 1000;

/** Control characters removed, secrets masked, cut to COMMAND_MAX_CHARS with the cut counted. */
export function cleanCommand(commandLine: string): string {
  const clean = sanitizeLine(commandLine, Number.MAX_SAFE_INTEGER);
  const masked = maskSecrets(clean.slice(0, MASK_WINDOW));
  if (clean.length <= COMMAND_MAX_CHARS) return masked;
  return `${masked.slice(0, COMMAND_MAX_CHARS)}… [${clean.length - COMMAND_MAX_CHARS} chars cut]`;
}

export function registerTopProcesses(server: McpServer, config: SystemConfig): void {
  server.registerTool(
    'get_top_processes',
    {
      title: 'Top processes by CPU or memory',
      description:
        'The processes using the most CPU (measured over a short interval) or memory, optionally only those whose name or command line ' +
        'contains some text. Use it to find what is making the machine busy or eating memory, or whether a program is running. ' +
        'CPU % is the share of the whole machine (all cores = 100). Also returns overall CPU and memory with warnings above their thresholds.',
      inputSchema,
      outputSchema,
      annotations: READ_ONLY_LIVE,
    },
    guarded(async (args, extra) => {
      const report = progressReporter(extra, 100);
      // systeminformation computes per-process CPU against its previous sample (module state), so
      // the two samples of one request must not interleave with another request's.
      const { sample, cpu } = await exclusive('processes', async () => {
        throwIfAborted(extra.signal);
        await report(0, 'reading the process table');
        const before = cpuSnapshot();
        await freshSample('processes', 'reading the process table', () => si.processes(), extra.signal);
        await measuredWait(args.intervalMs, extra.signal, report, 10, 80);
        const result = await freshSample('processes', 'reading the process table', () => si.processes(), extra.signal);
        return { sample: result, cpu: cpuUsageBetween(before, cpuSnapshot()) };
      });
      const memory = await readMemory(extra.signal);
      await report(100, 'done');

      // macOS ps reports % of one core; Linux and Windows samples are already shares of the machine.
      const cpuScale = process.platform === 'darwin' ? 1 / Math.max(1, os.cpus().length) : 1;
      const ownHelpers = descendantsOf(process.pid, sample.list);
      const needle = args.name?.toLowerCase();
      const rows: ProcessRow[] = [];
      for (const p of sample.list) {
        if (ownHelpers.has(p.pid)) continue;
        const commandLine = [p.command, p.params].filter(Boolean).join(' ');
        if (needle && !(p.name ?? '').toLowerCase().includes(needle) && !commandLine.toLowerCase().includes(needle)) continue;
        rows.push({
          pid: p.pid,
          parentPid: p.parentPid,
          name: sanitizeLine(p.name ?? '', NAME_MAX_CHARS),
          cpuPercent: round1(finite(p.cpu) * cpuScale),
          memoryPercent: round1(finite(p.mem)),
          memoryBytes: Math.round(finite(p.memRss) * 1024),
          user: sanitizeLine(p.user ?? '', 64),
          state: sanitizeLine(p.state ?? '', 32),
          started: startedAt(p.started),
          command: cleanCommand(commandLine),
        });
      }
      rows.sort(args.sortBy === 'cpu' ? (a, b) => b.cpuPercent - a.cpuPercent || b.memoryBytes - a.memoryBytes : (a, b) => b.memoryBytes - a.memoryBytes);
      const processes = rows.slice(0, args.count);

      const thresholds = effectiveThresholds(config.thresholds, { cpu: args.cpuThreshold, memory: args.memoryThreshold });
      const warnings = evaluateWarnings({ cpuPercent: cpu.percent, memoryPercent: memory.percent, containerMemoryPercent: memory.container?.percent }, thresholds);
      const top = processes[0];
      const summary =
        (top
          ? `top by ${args.sortBy}: ${top.name} (pid ${top.pid}) ${args.sortBy === 'cpu' ? `${top.cpuPercent}% CPU` : formatBytes(top.memoryBytes)}; `
          : `no process matched${args.name ? ` "${sanitizeLine(args.name, 60)}"` : ''}; `) +
        `${rows.length} of ${sample.all} processes matched; machine CPU ${cpu.percent ?? 'unknown'}%, memory ${memory.percent}%` +
        (warnings.length ? `; ${warnings.length} warning(s)` : '');
      return toolResult({
        summary,
        measuredAt: new Date().toISOString(),
        sortBy: args.sortBy,
        intervalMs: args.intervalMs,
        processes,
        matched: rows.length,
        truncated: rows.length > processes.length,
        totals: { processes: sample.all, running: sample.running, sleeping: sample.sleeping, blocked: sample.blocked },
        cpuPercent: cpu.percent,
        memoryPercent: memory.percent,
        thresholds,
        warnings,
      });
    }),
  );
}

/** systeminformation gives local "YYYY-MM-DD HH:MM:SS"; an ISO time with its zone cannot be misread. */
function startedAt(raw: string | undefined): string {
  const text = sanitizeLine(raw ?? '', 32);
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return text;
  const date = new Date(text.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

const finite = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/** The shells and `ps` runs systeminformation starts for us: not part of the machine's workload. */
function descendantsOf(root: number, list: Array<{ pid: number; parentPid: number }>): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of list) children.set(p.parentPid, [...(children.get(p.parentPid) ?? []), p.pid]);
  const found = new Set<number>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.pop()!;
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}
