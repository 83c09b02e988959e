// Shapes shared by the search engines (ripgrep and the pure-Node scanner, both in the scan process) and the tools.
import type { Level } from '../format/types';

export interface PatternSpec {
  source: string;
  literal: boolean;
  caseSensitive: boolean;
}

export interface ScanRequest {
  pattern?: PatternSpec;
  minLevel?: Level;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  before: number;
  after: number;
  limit: number;
  order: 'newest' | 'oldest';
  maxLineChars: number;
}

export interface ScanMatch {
  /** 1-based line number in the (decompressed) file. */
  line: number;
  text: string;
  level?: Level;
  timestamp?: number;
  before?: string[];
  after?: string[];
}

export interface FileScanResult {
  matches: ScanMatch[];
  /** Matching lines seen; exact when `complete`. */
  totalMatches: number;
  /** The whole file was scanned. */
  complete: boolean;
  /** Lines that had no timestamp while a time window was asked for (skipped). */
  untimed: number;
  engine: 'node' | 'ripgrep';
  formatId?: string;
}

/** A line that passed the filters, as error_summary's sink receives it. */
export interface AcceptedLine {
  /** 1-based line number in the (decompressed) file. */
  line: number;
  text: string;
  /** The message part without header fields (the whole line when the format is unknown). */
  message: string;
  level?: Level;
  /** Epoch ms. */
  timestamp?: number;
}

/** A file handed to an engine: already resolved and checked to be a regular file inside a log directory. */
export interface ScanTarget {
  name: string;
  realPath: string;
  gzip: boolean;
  size: number;
  mtimeMs: number;
  dev: number;
  ino: number;
}
