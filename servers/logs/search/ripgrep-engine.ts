// Searching a plain file with ripgrep (linear-time regex, fast literal search), keeping our own level and
// time filters, context and ordering. Patterns ripgrep's dialect cannot take run on the Node engine instead.
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { levelAtLeast } from '../format/levels';
import type { Level, LineParser } from '../format/types';
import { sanitizeLine } from '../../shared/sanitize';
import { abortError } from '../../shared/progress';
import { LineBlocker } from '../io/chunks';
import type { AcceptedLine } from './scan';
import type { FileScanResult, ScanMatch, ScanRequest, ScanTarget } from './types';

/** JavaScript regex features ripgrep (Rust regex) does not have. */
const UNSUPPORTED = /\\[1-9]|\\k<|\(\?<?[=!]/;

export function ripgrepCanRun(request: ScanRequest, target: ScanTarget): boolean {
  const p = request.pattern;
  if (!p || p.source.length === 0 || target.gzip) return false;
  return p.literal || !UNSUPPORTED.test(p.source);
}

export class RipgrepUnsupported extends Error {}

interface Pending {
  match: ScanMatch;
  remaining: number;
}

const PARSE_CHARS = 64 * 1024;
const HEADER_BACK_BYTES = 16 * 1024;

export interface RipgrepOptions {
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  /** When set, accepted lines go here instead of being kept (error_summary). */
  sink?: (line: AcceptedLine) => void;
  /** ripgrep's process id, once started. */
  onSpawn?: (pid: number) => void;
}

export async function scanWithRipgrep(rg: string, target: ScanTarget, request: ScanRequest, parser: LineParser, options: RipgrepOptions = {}): Promise<FileScanResult> {
  const p = request.pattern!;
  const args = ['--no-config', '--line-number', '--byte-offset', '--no-heading', '--no-filename', '--text', '--crlf', '--color', 'never'];
  args.push(p.caseSensitive ? '--case-sensitive' : '--ignore-case');
  if (p.literal) args.push('--fixed-strings');
  if (request.before > 0) args.push('--before-context', String(request.before));
  if (request.after > 0) args.push('--after-context', String(request.after));
  args.push('--regexp', p.source, '--', target.realPath);

  const filtering = request.minLevel !== undefined || request.since !== undefined || request.until !== undefined;
  const kept: { match: ScanMatch; offset: number; parsed: boolean }[] = [];
  const recent: { line: number; text: string }[] = [];
  let pending: Pending[] = [];
  let total = 0;
  let untimed = 0;
  let stopped = false;
  let lastOffset = 0;
  const headerCache = new Map<number, { timestamp?: number; level?: Level }>();
  let handle: fsp.FileHandle | undefined;

  const child = spawn(rg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    if (stderr.length < 4096) stderr += b.toString();
  });
  const onAbort = () => child.kill();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const needHeader = async (offset: number): Promise<{ timestamp?: number; level?: Level } | undefined> => {
    const cached = headerCache.get(offset);
    if (cached) return cached;
    handle ??= await fsp.open(target.realPath, 'r');
    const header = await headerAbove(handle, parser, offset);
    if (header) headerCache.set(offset, header);
    return header;
  };

  /** Applies the filters; returns a promise only when a continuation line needs the entry above it read. */
  const accept = (line: number, offset: number, text: string): void | Promise<void> => {
    if (!filtering) {
      keep(line, offset, text, text, undefined, undefined);
      return;
    }
    const parsed = parser.parse(text.length > PARSE_CHARS ? text.slice(0, PARSE_CHARS) : text);
    if ((parsed.timestamp === undefined || parsed.level === undefined) && parser.format.id !== 'unknown') {
      return needHeader(offset).then((header) => filterAndKeep(line, offset, text, parsed.message, parsed.timestamp ?? header?.timestamp, parsed.level ?? header?.level));
    }
    filterAndKeep(line, offset, text, parsed.message, parsed.timestamp, parsed.level);
  };

  const filterAndKeep = (line: number, offset: number, text: string, message: string, timestamp: number | undefined, level: Level | undefined) => {
    if (request.minLevel && !levelAtLeast(level, request.minLevel)) return;
    if (request.since !== undefined || request.until !== undefined) {
      if (timestamp === undefined) {
        untimed++;
        return;
      }
      if ((request.since !== undefined && timestamp < request.since) || (request.until !== undefined && timestamp > request.until)) return;
    }
    keep(line, offset, text, message, timestamp, level);
  };

  const keep = (line: number, offset: number, text: string, message: string, timestamp: number | undefined, level: Level | undefined) => {
    total++;
    if (options.sink) {
      options.sink({ line, text, message, level, timestamp });
      return;
    }
    if (request.order === 'oldest' && kept.length >= request.limit) {
      stopped = true;
      return;
    }
    // Long lines are cut now (kept entries hold at most 2 × limit lines); the rest are cleaned when returned.
    const match: ScanMatch = { line, text: text.length > 2 * request.maxLineChars ? sanitizeLine(text, request.maxLineChars) : text };
    if (level) match.level = level;
    if (timestamp !== undefined) match.timestamp = timestamp;
    if (request.before > 0) match.before = recent.filter((r) => r.line >= line - request.before && r.line < line).map((r) => r.text);
    if (request.after > 0) {
      match.after = [];
      pending.push({ match, remaining: request.after });
    }
    kept.push({ match, offset, parsed: filtering });
    if (request.order === 'newest' && kept.length >= request.limit * 2) kept.splice(0, kept.length - request.limit);
  };

  const handleLine = (raw: Buffer): void | Promise<void> => {
    // "LINE:OFFSET:text" for matches, "LINE-OFFSET-text" for context, "--" between groups.
    let i = 0;
    let line = 0;
    while (i < raw.length && raw[i] >= 48 && raw[i] <= 57) line = line * 10 + (raw[i++] - 48);
    if (i === 0 || i >= raw.length) return;
    const sep = raw[i++];
    let offset = 0;
    const offsetStart = i;
    while (i < raw.length && raw[i] >= 48 && raw[i] <= 57) offset = offset * 10 + (raw[i++] - 48);
    if (i === offsetStart || raw[i] !== sep) return;
    i++;
    let end = raw.length;
    if (end > i && raw[end - 1] === 10) end--;
    if (end > i && raw[end - 1] === 13) end--;
    const text = raw.toString('utf8', i, end);
    const clean = request.before > 0 || pending.length > 0 ? sanitizeLine(text, request.maxLineChars) : '';
    for (const p of pending) {
      if (p.match.line < line && p.remaining > 0) {
        p.match.after!.push(clean);
        p.remaining--;
      }
    }
    if (pending.length) pending = pending.filter((p) => p.remaining > 0);
    lastOffset = offset;
    const accepted = sep === 58 /* : */ ? accept(line, offset, text) : undefined;
    const remember = () => {
      if (request.before > 0) {
        recent.push({ line, text: clean });
        if (recent.length > request.before) recent.shift();
      }
    };
    if (accepted) return accepted.then(remember);
    remember();
  };

  const blocker = new LineBlocker();
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const spawnError = new Promise<never>((_, reject) => child.on('error', (e) => reject(new RipgrepUnsupported(`ripgrep failed to start: ${e.message}`))));
  try {
    const consume = (async () => {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        if (stopped) break;
        const block = blocker.push(chunk);
        let pos = 0;
        while (pos < block.length && !stopped) {
          let nl = block.indexOf(10, pos);
          if (nl === -1) nl = block.length - 1;
          const waiting = handleLine(block.subarray(pos, nl + 1));
          if (waiting) await waiting;
          pos = nl + 1;
        }
        options.onProgress?.(lastOffset);
      }
      if (!stopped) {
        const tail = blocker.end();
        if (tail.length) await handleLine(tail);
      }
    })();
    await Promise.race([consume, spawnError]);
    if (stopped) child.kill();
    const code = await Promise.race([exit, spawnError]);
    if (options.signal?.aborted) throw abortError();
    if (!stopped && code !== 0 && code !== 1) throw new RipgrepUnsupported(`ripgrep refused the pattern: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (child.exitCode === null) child.kill();
    await handle?.close();
  }

  const chosen = request.order === 'newest' ? kept.slice(-request.limit).reverse() : kept.slice(0, request.limit);
  const matches: ScanMatch[] = [];
  for (const entry of chosen) {
    const raw = entry.match.text;
    entry.match.text = sanitizeLine(raw, request.maxLineChars);
    if (!entry.parsed) {
      // Without filters, lines are parsed only when returned.
      const parsed = parser.parse(raw.length > PARSE_CHARS ? raw.slice(0, PARSE_CHARS) : raw);
      let { timestamp, level } = parsed;
      if ((timestamp === undefined || level === undefined) && parser.format.id !== 'unknown') {
        const header = await needHeaderSafe(target, parser, entry.offset);
        timestamp ??= header?.timestamp;
        level ??= header?.level;
      }
      if (level) entry.match.level = level;
      if (timestamp !== undefined) entry.match.timestamp = timestamp;
    }
    matches.push(entry.match);
  }
  return { matches, totalMatches: total, complete: !stopped, untimed, engine: 'ripgrep', formatId: parser.format.id };
}

async function needHeaderSafe(target: ScanTarget, parser: LineParser, offset: number): Promise<{ timestamp?: number; level?: Level } | undefined> {
  if (offset === 0) return undefined;
  const handle = await fsp.open(target.realPath, 'r');
  try {
    return await headerAbove(handle, parser, offset);
  } finally {
    await handle.close();
  }
}

/** The timestamp and level of the nearest entry header above `offset` (for continuation lines such as stack frames). */
async function headerAbove(handle: fsp.FileHandle, parser: LineParser, offset: number): Promise<{ timestamp?: number; level?: Level } | undefined> {
  const start = Math.max(0, offset - HEADER_BACK_BYTES);
  const buffer = Buffer.alloc(offset - start);
  await handle.read(buffer, 0, buffer.length, start);
  const lines = buffer.toString('utf8').split('\n');
  lines.pop();
  for (let i = lines.length - 1, n = 0; i >= 0 && n < 20; i--, n++) {
    if (i === 0 && start > 0) break;
    const parsed = parser.parse(lines[i].replace(/\r$/, '').slice(0, PARSE_CHARS));
    if (parsed.timestamp !== undefined || parsed.level !== undefined) return { timestamp: parsed.timestamp, level: parsed.level };
  }
  return undefined;
}
