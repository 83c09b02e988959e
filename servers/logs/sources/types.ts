// The contract between the logs tools and the places logs live besides files (the systemd journal, Docker
// containers): a provider lists its sources and streams the records of one. Shared by sources/journal and
// sources/docker; the tool layer (tools/sources.ts) turns records into the same results as file lines.
import type { Level } from '../format/types';

export type SourceKind = 'journal' | 'docker';

/** One log line from a source. */
export interface SourceRecord {
  /** Epoch ms, from the source (journal __REALTIME_TIMESTAMP µs / Docker timestamps=1). */
  time?: number;
  /** Set when the source itself knows it (journal PRIORITY); else the tool layer parses `text` with format/. */
  level?: Level;
  /**
   * `level` is a default the source gives lines that did not say theirs (journald's PRIORITY of a service's stdout and
   * stderr lines: the unit's SyslogLevel), not the program's word.
   */
  levelIsDefault?: true;
  /** One log line (journal MESSAGE; Docker line without its timestamp and newline); sanitized by the tool layer. */
  text: string;
  stream?: 'stdout' | 'stderr';
  host?: string;
  unit?: string;
  container?: string;
  /** Journal __CURSOR (paging). */
  cursor?: string;
  /** Its text was not UTF-8: 'decoded' in the configured legacy charset, or 'replaced' (read with U+FFFD). */
  notUtf8?: 'decoded' | 'replaced';
}

export interface SourceInfo {
  /** `journal:<unit>`, `journal:<host>/<unit>`, `docker:<container name>` (the rules: sources/journal/names.ts, sources/docker/names.ts). */
  name: string;
  kind: SourceKind;
  host?: string;
  unit?: string;
  container?: { id: string; image: string; state: string; status: string };
  /** Where the data is, for messages: "journal directory /var/log/journal/remote", "docker at unix:///run/docker.sock". */
  location: string;
  /**
   * Epoch ms of the source's newest entry (journal: among the newest entries scanned when listing; an exited
   * container: when it stopped), undefined when not known. Orders the sources read when there are too many.
   */
  lastWritten?: number;
  /** A running container: it may be writing now, so it comes before any other when sources are chosen by recency. */
  running?: boolean;
}

export interface RecordQuery {
  /** Epoch ms, inclusive (servers/shared/time-window). */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  /** Only the newest N records (journalctl -n / docker tail), still yielded oldest first. */
  tail?: number;
  /**
   * The level the caller keeps (the tool layer filters by each line's own level). Not pushed down where the source's
   * level can hide the text's (journald's PRIORITY): a source may instead bound what it reads, saying so in onNote.
   */
  minLevel?: Level;
  signal?: AbortSignal;
  /** Receives what the caller should say about this read: entries left unread, a container's exit code. */
  onNote?: (note: string) => void;
  /** Hears what a long step of the read is doing (the listing a first read makes), for progress notifications. */
  onProgress?: (message: string) => void;
}

/** Narrowing of which sources are read when a tool names no `file` (the tools' `unit`, `container`, `host`). */
export interface SourceFilter {
  unit?: string;
  container?: string;
  host?: string;
}

export interface LogSourceProvider {
  readonly kind: SourceKind;
  /**
   * Sources now available. Never throws for an unavailable backend: returns problem text saying what to do.
   * `onProgress` hears what a long listing is doing (a journal's newest entries scanned), for progress notifications.
   */
  list(signal?: AbortSignal, onProgress?: (message: string) => void): Promise<{ sources: SourceInfo[]; problem?: string }>;
  /**
   * Records of one source, oldest first, streamed (never the whole journal/log in memory). Throws UserFacingError
   * (servers/shared/tool-result) for an unknown name, no permission, daemon down, journalctl missing — each with what
   * to do. Stops its reader (process, request) when the consumer stops iterating or `query.signal` aborts.
   */
  read(name: string, query: RecordQuery): AsyncIterable<SourceRecord>;
}

/** True when `name` names a source (`journal:…`, `docker:…`) rather than a file. */
export function isSourceName(name: string): boolean {
  return /^(journal|docker):./.test(name);
}
