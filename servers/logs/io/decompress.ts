// Rotated logs compressed with bzip2, xz, zstd or lz4 (logrotate's `compresscmd`: `syslog.2.bz2`, `app.log.1.xz`).
// Node's zlib reads gzip only (zstd from Node 22.15, which the servers cannot count on), and the pure-JS decoders on
// the registry are unmaintained or read a whole file into memory. The system's own tools are streaming, well kept and
// on every distribution: the file's bytes are piped through `bzip2 -dc` (xz, zstd, lz4 alike), which reads no path
// (the file stays the one opened and checked), and a missing tool is named with the package to install.
//
// A compressed file can hold far more text than its size (bzip2 and xz reach ratios of 1:100000 on repeated bytes):
// its output is cut as gzip's is (io/expansion.ts), with a note, so that a decompression bomb costs bounded time.
// Memory is bounded by the line readers as for any stream.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Readable } from 'node:stream';
import { cutNote, EARLY_END, OutputBound, outputLimit } from './expansion';
import { rawChunks } from './gzip';

/** The compressions read through a system tool; gzip is read by Node's zlib (io/gzip.ts). */
export type Compression = 'bzip2' | 'xz' | 'zstd' | 'lz4';

/**
 * Each compression's name ending, the tool that decompresses it to stdout with `-dc`, the Debian package holding it,
 * and the command a person decompresses such a file with, keeping it.
 */
const TOOLS: Record<Compression, { ending: RegExp; command: string; debian: string; unpack: string }> = {
  bzip2: { ending: /\.bz2$/i, command: 'bzip2', debian: 'bzip2', unpack: 'bunzip2 -k' },
  xz: { ending: /\.xz$/i, command: 'xz', debian: 'xz-utils', unpack: 'unxz -k' },
  zstd: { ending: /\.zst$/i, command: 'zstd', debian: 'zstd', unpack: 'unzstd' },
  lz4: { ending: /\.lz4$/i, command: 'lz4', debian: 'lz4', unpack: 'lz4 -d' },
};

/** Bytes of the tool's error output kept for the note. */
const MAX_STDERR = 4096;

/** The compression a file name ends in (`.bz2`, `.xz`, `.zst`, `.lz4`), or undefined. */
export function compressionOfName(name: string): Compression | undefined {
  return (Object.keys(TOOLS) as Compression[]).find((c) => TOOLS[c].ending.test(name));
}

/**
 * The compression `start` (a file's first bytes) is written in, by its format's magic number, or undefined: bzip2
 * (`BZh` and a block size 1-9), xz (FD `7zXZ` 00), zstd (28 B5 2F FD) and lz4 (a frame's 04 22 4D 18, or the legacy
 * format's 02 21 4C 18). For a file whose name does not say it (a rotation that compressed `app.log.1` in place, a
 * compressed file saved as `app.log`): read as text, its bytes were garbage, and a search in them found nothing, or
 * words lz4 keeps as literals amid them.
 */
export function compressionOfStart(start: Buffer): Compression | undefined {
  if (start.length < 4) return undefined;
  const [a, b, c, d] = start;
  if (a === 0x42 && b === 0x5a && c === 0x68 && d >= 0x31 && d <= 0x39) return 'bzip2';
  if (a === 0x28 && b === 0xb5 && c === 0x2f && d === 0xfd) return 'zstd';
  if ((a === 0x04 && b === 0x22 && c === 0x4d && d === 0x18) || (a === 0x02 && b === 0x21 && c === 0x4c && d === 0x18)) return 'lz4';
  if (start.length >= 6 && a === 0xfd && b === 0x37 && c === 0x7a && d === 0x58 && start[4] === 0x5a && start[5] === 0x00) return 'xz';
  return undefined;
}

/** The name without its compression's ending: `app.log.2` for `app.log.2.bz2`. */
export function withoutCompression(name: string): string {
  const compression = compressionOfName(name);
  return compression ? name.replace(TOOLS[compression].ending, '') : name;
}

/**
 * The path of `compression`'s tool on `path` (a PATH value), or undefined when it is not installed. On Windows the
 * tool is `<name>.exe` (Git for Windows and MSYS2 ship bzip2 and xz so).
 */
export function findTool(compression: Compression, path = process.env.PATH ?? '', platform = process.platform): string | undefined {
  const names = platform === 'win32' ? [`${TOOLS[compression].command}.exe`] : [TOOLS[compression].command];
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  return undefined;
}

/**
 * How a person gets `compression`'s files read: its tool's name, what installs it (`Debian/Ubuntu: apt-get install
 * xz-utils`) and the command that decompresses one file by hand, keeping it (`unxz -k`).
 */
export function toolOf(compression: Compression): { tool: string; install: string; unpack: string } {
  const { command, debian, unpack } = TOOLS[compression];
  return { tool: command, install: `Debian/Ubuntu: apt-get install ${debian}`, unpack };
}

/** Why `compression`'s files cannot be read here: its tool is missing, and what installs it. */
export function missingToolReason(compression: Compression): string {
  const { tool, install } = toolOf(compression);
  return `the ${tool} tool is not installed on this machine (${install}), so ${compression} files cannot be decompressed`;
}

/** A compressed file being decompressed: as io/gzip.ts's GunzipStream, for the readers in io/chunks.ts. */
export interface Decompression {
  output: AsyncIterable<Buffer>;
  /** Compressed bytes handed to the tool so far. */
  counter: { bytes: number };
  /** Stops the tool (by its own process) and the reads. */
  close: () => void;
  /** Once ended: why the text ends early (the tool's error on damaged data, or the expansion.ts cut), else undefined. */
  note: () => string | undefined;
}

/** Where decompressFile looks for its tool (a PATH value) and the output it always allows (bytes; tests make it small). */
export interface DecompressOptions {
  path?: string;
  minOutputLimit?: number;
}

/**
 * The decompressed bytes of the `compression` file of `size` bytes open on `fd` (positional reads: its position is
 * untouched). The output fails (with an Error naming the tool's complaint, or the missing tool) only when no text at
 * all came out; damage after some text ends it with a note, as for gzip. Output past expansion.ts outputLimit(size)
 * bytes is cut, with a note.
 */
export function decompressFile(fd: number, size: number, compression: Compression, options: DecompressOptions = {}): Decompression {
  const counter = { bytes: 0 };
  const { command } = TOOLS[compression];
  const path = options.path ?? process.env.PATH ?? '';
  const bound = new OutputBound(outputLimit(size, options.minOutputLimit));
  let note: string | undefined;
  let stop: (() => void) | undefined;

  async function* run(): AsyncGenerator<Buffer> {
    const tool = findTool(compression, path);
    if (tool === undefined) throw new Error(missingToolReason(compression));
    const child = spawn(tool, ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const input = Readable.from(rawChunks(fd, 0, counter), { objectMode: false });
    // The tool may stop reading (damage, or it was stopped): its closed stdin is no error of ours.
    child.stdin.on('error', () => undefined);
    input.on('error', () => child.kill());
    input.pipe(child.stdin);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    // Awaited once the output ends; a spawn error before then must not count as an unhandled rejection.
    exited.catch(() => undefined);
    let stopped = false;
    stop = () => {
      stopped = true;
      input.unpipe(child.stdin);
      input.destroy();
      child.kill();
    };
    try {
      for await (const piece of child.stdout as AsyncIterable<Buffer>) {
        const within = bound.take(piece);
        if (within.length > 0) yield within;
        if (bound.over) {
          note = cutNote(compression, bound.limit, size);
          return;
        }
      }
      const code = await exited;
      if (code !== 0 && !stopped) {
        const complaint = stderr.trim().split('\n')[0] || `${command} exited with code ${code}`;
        if (bound.produced === 0) throw new Error(complaint);
        note = `damaged ${compression}: ${complaint}; ${EARLY_END}`;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(missingToolReason(compression), { cause: error });
      throw error;
    } finally {
      stop();
    }
  }

  return {
    output: run(),
    counter,
    close: () => stop?.(),
    note: () => note,
  };
}
