// The systemd journal as a LogSourceProvider: lists one source per unit (per host and unit when the journals hold
// several hosts) and streams a source's entries from `journalctl --output=export`, page by page with cursors.
import { NotFoundError, UserFacingError } from '../../../shared/tool-result';
import { mergeByTime } from '../merge';
import type { LogSourceProvider, RecordQuery, SourceInfo, SourceRecord } from '../types';
import { ENTRY_FIELDS, ENTRY_KEPT, recordOf, scannedOf, unitOf } from './entries';
import { journalctlEntries, journalctlLines, type JournalctlOptions } from './journalctl';
import { configuredJournals, journalContents, permissionProblem, unknownUnit, type JournalContents } from './journals';
import { journalName, parseJournalName, unitStem } from './names';
import { readInvisibleEscapes } from '../../../shared/invisible';

export interface JournalProviderOptions {
  /** The journalctl binary (absolute path or a name on PATH). */
  journalctl: string;
  /** The local journal: 'auto' reads it when journalctl can and it holds entries. */
  local: 'auto' | 'on' | 'off';
  /** Journal directories (e.g. systemd-journal-remote's /var/log/journal/remote) and .journal files. */
  directories: string[];
  files: string[];
  /** Environment of journalctl (its PATH, when `journalctl` is a bare name). */
  env?: NodeJS.ProcessEnv;
  /** Entries one journalctl process gives before the next continues after its cursor (default PAGE_RECORDS). */
  pageRecords?: number;
  /** Newest entries scanned to pair hosts with units when the journals hold several hosts (default LIST_SCAN_ENTRIES). */
  listScanEntries?: number;
  /** Newest entries read for a level filter over a window (default LEVEL_SCAN_ENTRIES). */
  levelScanEntries?: number;
  /** How long (ms) a listing is reused (default LIST_TTL_MS). */
  listTtlMs?: number;
  /** iconv-lite's name of the charset of entries that are not UTF-8 (LOG_ENCODING); none: they are read with U+FFFD. */
  legacyDecoder?: string;
}

/**
 * Entries one journalctl gives before the next continues after its cursor. Large: a read streams (the pipe holds
 * journalctl back while the tool works), so a page bounds no memory, and each page costs a process start (a fork of
 * a server with a large heap, ~100 ms on a loaded machine) and a journalctl that opens every journal file and seeks
 * the cursor. Reading all 300,000 entries of 15 sources (bench/make-journal.mjs, in-process, load 14-20) took, server +
 * journalctl CPU: pages of 5,000 4.4-4.7 + 7.9-8.2 s, of 20,000 (the earlier value) 3.3-3.7 + 6.7-7.4 s, unbounded
 * 2.8-3.3 + 6.2-6.8 s. Paging stays for a journal past this size.
 */
export const PAGE_RECORDS = 1_000_000;
/** How journalctl --show-cursor writes the cursor after the last entry shown. */
const CURSOR_LINE = '-- cursor: ';
/** Entries read between two progress messages (each is throttled by time after). */
const PROGRESS_ENTRIES = 1_000;
/** The fields a listing's scan asks for (--output-fields). */
const SCAN_FIELDS = ['_HOSTNAME', '_SYSTEMD_UNIT', 'SYSLOG_IDENTIFIER'];
export const LIST_SCAN_ENTRIES = 200_000;
/** Newest entries of a source read for a level filter over a window (journalctl -p is not used: see read). */
export const LEVEL_SCAN_ENTRIES = 500_000;
/** A listing is reused this long (ms): a tool reading many sources lists once. */
const LIST_TTL_MS = 5_000;
/**
 * A journal's newest entries are scanned afresh at least this often (ms); in between, a listing reads on from the last
 * scan's cursor. Entries that sort before the cursor but arrive later (a remote host's journal uploaded late) are
 * seen by the next full scan, or at once when they bring a host, unit or identifier the journal did not hold before.
 */
export const FULL_SCAN_EVERY_MS = 5 * 60_000;


/** Hears what a long listing is doing (LogSourceProvider.list). */
type Progress = (message: string) => void;

interface Listing {
  at: number;
  contents: JournalContents[];
  sources: SourceInfo[];
  problem?: string;
  /** Names carry the host (the journals hold more than one). */
  byHost: boolean;
}

export class JournalProvider implements LogSourceProvider {
  readonly kind = 'journal' as const;
  private listing: Listing | undefined;
  /** Each journal's last scan (by its journalctl arguments), continued from its cursor by the next listing. */
  private readonly scans = new Map<string, JournalScan>();

  constructor(private readonly options: JournalProviderOptions) {}

  async list(signal?: AbortSignal, onProgress?: (message: string) => void): Promise<{ sources: SourceInfo[]; problem?: string }> {
    const listing = await this.listed(signal, onProgress);
    return { sources: listing.sources, ...(listing.problem ? { problem: listing.problem } : {}) };
  }

  async *read(name: string, query: RecordQuery): AsyncGenerator<SourceRecord> {
    const wanted = parseJournalName(name);
    const listing = await this.listed(query.signal, query.onProgress);
    const unit = wanted?.unit;
    const holders = unit === undefined ? [] : listing.contents.filter((c) => (c.units.has(unit) || c.identifiers.has(unit)) && (wanted?.host === undefined || c.hosts.includes(wanted.host)));
    // A unit named without its host, in journals of several hosts, is read on every host that has it (records carry their host).
    if (!wanted || holders.length === 0) {
      if (listing.contents.length === 0 && listing.problem) throw new UserFacingError(`cannot read ${name}: ${listing.problem}`);
      throw unknownUnit(name, listing.sources.map((s) => s.name));
    }
    // A syslog identifier the listing left out logs only inside units (python3 in api.service): nothing of its own to read.
    if (!listing.byHost && holders.every((c) => !c.units.has(unit!)) && !listing.sources.some((s) => s.name === name)) {
      throw new NotFoundError(`${name} has no entries of its own: ${unit} logs inside systemd units, whose sources hold its lines (see logs://files)`);
    }
    // A level is never pushed down to journalctl (-p): journald gives a service's stdout/stderr lines the unit's
    // SyslogLevel (info by default) whatever level their text says, and the text's level wins (tools/source-lines.ts).
    // Nor is a pattern (--grep): it tests only the first value of a repeated MESSAGE, and its PCRE2 caseless match does
    // not fold as the search dialect does (K KELVIN SIGN, ſ LONG S; systemd 252), so it is not a superset of our matches.
    // The tool layer filters by each entry's own level; a read for a level is bounded: without a window to the newest
    // entries (--lines from the journal's end), over a window to its first ones (finding a window's newest costs one
    // more journalctl per source, paid by every level read though few windows hold that many).
    const capped = query.minLevel !== undefined && query.tail === undefined;
    const limit = this.options.levelScanEntries ?? LEVEL_SCAN_ENTRIES;
    const windowed = query.since !== undefined || query.until !== undefined;
    const read = capped && !windowed ? { ...query, tail: limit } : query;
    let count = 0;
    let last: number | undefined;
    const said = new Set<string>();
    for await (const record of mergeByTime(holders.map((c) => this.readJournal(c, wanted, read)))) {
      // Said as soon as met: a reader stopping early (a tail, a search's limit) still hears it.
      if (record.notUtf8 && !said.has(record.notUtf8)) {
        said.add(record.notUtf8);
        query.onNote?.(notUtf8Note(record.notUtf8, this.options.legacyDecoder));
      }
      if (capped && windowed && count >= limit) {
        const from = last !== undefined ? `after ${new Date(last).toISOString()}` : 'later';
        query.onNote?.(`only the first ${limit.toLocaleString('en-US')} entries of the window were read for the level (journalctl -p cannot see a level written in the text); later ones were not: give a since ${from} to read them`);
        return;
      }
      count++;
      if (record.time !== undefined) last = record.time;
      yield record;
    }
    if (capped && !windowed && count >= limit) {
      query.onNote?.(`only its newest ${limit.toLocaleString('en-US')} entries were read for the level (journalctl -p cannot see a level written in the text); older ones were not: give since and until to read them`);
    }
  }

  /** The listing, reused for LIST_TTL_MS (a tool call lists, then reads; a bounded host scan is not repeated). */
  private async listed(signal: AbortSignal | undefined, onProgress?: Progress): Promise<Listing> {
    if (this.listing && Date.now() - this.listing.at < (this.options.listTtlMs ?? LIST_TTL_MS)) return this.listing;
    this.listing = await this.makeListing(signal, onProgress);
    return this.listing;
  }

  private journalctl(signal?: AbortSignal): JournalctlOptions {
    return { command: this.options.journalctl, env: this.options.env, signal, ...(this.options.legacyDecoder ? { legacyDecoder: this.options.legacyDecoder } : {}) };
  }

  private async makeListing(signal: AbortSignal | undefined, onProgress: Progress | undefined): Promise<Listing> {
    const { local, directories, files } = this.options;
    const problems: string[] = [];
    const warnings: string[] = [];
    const contents: JournalContents[] = [];
    for (const journal of configuredJournals(local !== 'off', directories, files)) {
      // 'auto' looks for a local journal, which is a source only when it holds something: a machine without one is
      // told nothing of it, so its listing is named once it is found (its field index reads fast; its scan may not).
      const probed = journal.args.length === 0 && local === 'auto';
      const listing = `listing journal sources: the units of the ${journal.where}`;
      if (!probed) onProgress?.(listing);
      try {
        const held = await journalContents(journal, this.journalctl(signal), warnings);
        // 'auto' reads the local journal only when it has something: no journal files is not a problem then.
        if (probed && held.hosts.length === 0 && held.units.size === 0 && held.identifiers.size === 0) continue;
        if (probed) onProgress?.(listing);
        contents.push(held);
      } catch (error) {
        if (signal?.aborted) throw error;
        if (journal.args.length === 0 && local === 'auto' && /not found/.test(String(error)) && directories.length + files.length === 0) continue;
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    const permission = permissionProblem(warnings);
    if (permission) problems.push(permission);
    if (local === 'on' && !contents.some((c) => c.journal.args.length === 0) && !permission) {
      const said = warnings.find((w) => w.startsWith('local journal'));
      if (said) problems.push(`${said}: is systemd-journald running here, and is its journal persistent or in /run/log/journal?`);
    }
    const hosts = new Set(contents.flatMap((c) => c.hosts));
    const byHost = hosts.size > 1;
    const scans = await this.scanNewest(contents, byHost, problems, signal, onProgress);
    const sources = byHost ? hostSources(scans) : unitSources(contents, scans);
    // journalctl missing is said once, not once per journal.
    const said = [...new Set(problems)];
    return { at: Date.now(), contents, sources, byHost, ...(said.length ? { problem: said.join('; ') } : {}) };
  }

  /**
   * The sources seen in the newest listScanEntries entries of each journal, with the time of each one's newest entry
   * (journalctl -F gives values, not host × unit pairs, nor which identifiers log outside units, nor recency). With
   * several hosts a pair only in older entries is still read by its name, and the problem text says the listing was bounded.
   * A journal scanned before is read on from the cursor of the newest entry that scan saw: a listing costs the entries
   * written since (a busy journal's 200,000 newest took 6–14 s to read each time, and every tool call lists). The
   * newest are scanned afresh when more than listScanEntries were written since, when the cursor is gone (rotated,
   * vacuumed), when the journal holds a host, unit or identifier it did not, and every FULL_SCAN_EVERY_MS.
   */
  private async scanNewest(contents: JournalContents[], byHost: boolean, problems: string[], signal: AbortSignal | undefined, onProgress: Progress | undefined): Promise<JournalScan[]> {
    const limit = this.options.listScanEntries ?? LIST_SCAN_ENTRIES;
    const scans: JournalScan[] = [];
    for (const held of contents) {
      const key = held.journal.args.join('\0');
      const before = this.scans.get(key);
      const scan = (before?.byHost === byHost ? await this.scanSince(held, before, limit, signal, onProgress) : undefined) ?? (await this.scanLatest(held, byHost, limit, signal, onProgress));
      this.scans.set(key, scan);
      if (!scan.complete && byHost) problems.push(`${held.journal.where}: hosts and units listed from its newest ${limit} entries; older ones can still be read by name (journal:<host>/<unit>)`);
      scans.push(scan);
    }
    return scans;
  }

  /** The newest `limit` entries of `held`. */
  private async scanLatest(held: JournalContents, byHost: boolean, limit: number, signal: AbortSignal | undefined, onProgress: Progress | undefined): Promise<JournalScan> {
    const scan: JournalScan = { held, byHost, newest: new Map(), identifiersInUnits: new Set(), complete: true, fullAt: Date.now() };
    const seen = await this.scanInto(scan, [`--lines=${limit}`], Infinity, signal, onProgress);
    if (seen >= limit) scan.complete = false;
    return scan;
  }

  /**
   * `before` carried on with the entries written after its cursor, or undefined when that cannot be done: no cursor,
   * more than `limit` new entries (the newest are scanned afresh), or journalctl refusing the cursor.
   */
  private async scanSince(held: JournalContents, before: JournalScan, limit: number, signal: AbortSignal | undefined, onProgress: Progress | undefined): Promise<JournalScan | undefined> {
    if (before.cursor === undefined || Date.now() - before.fullAt >= FULL_SCAN_EVERY_MS || holdsNew(held, before.held)) return undefined;
    // What the journal no longer holds (vacuumed, rotated away) is not listed from an earlier scan.
    const kept = [...before.newest].filter(([, seen]) => (held.units.has(seen.unit) || held.identifiers.has(seen.unit)) && (seen.host === undefined || held.hosts.includes(seen.host)));
    const scan: JournalScan = { ...before, held, newest: new Map(kept), identifiersInUnits: new Set(before.identifiersInUnits) };
    try {
      const seen = await this.scanInto(scan, [`--after-cursor=${before.cursor}`], limit, signal, onProgress);
      return seen > limit ? undefined : scan;
    } catch (error) {
      if (signal?.aborted) throw error;
      return undefined;
    }
  }

  /** Reads `held`'s entries selected by `select` into `scan` (stopping after `stop` + 1 of them); returns how many were read. */
  private async scanInto(scan: JournalScan, select: string[], stop: number, signal: AbortSignal | undefined, onProgress: Progress | undefined): Promise<number> {
    const args = [...scan.held.journal.args, `--output-fields=${SCAN_FIELDS.join(',')}`, ...select];
    let seen = 0;
    for await (const entry of journalctlEntries(args, ['__CURSOR', '__REALTIME_TIMESTAMP', ...SCAN_FIELDS], scan.held.journal.where, this.journalctl(signal))) {
      if (++seen > stop) break;
      if (seen % PROGRESS_ENTRIES === 0) onProgress?.(`listing journal sources: ${seen.toLocaleString('en-US')} of the newest entries of the ${scan.held.journal.where} scanned`);
      const scanned = scannedOf(entry);
      if (scanned.record.cursor !== undefined) scan.cursor = scanned.record.cursor;
      if (scanned.identifierInUnit) scan.identifiersInUnits.add(scanned.identifierInUnit);
      const record = scanned.record;
      if (!record.unit || (scan.byHost && !record.host)) continue;
      const name = journalName(record.unit, scan.byHost ? record.host : undefined);
      const at = scan.newest.get(name);
      if (!at || (record.time ?? 0) > at.time) scan.newest.set(name, { time: record.time ?? 0, unit: record.unit, ...(record.host ? { host: record.host } : {}) });
    }
    return seen;
  }

  /**
   * The cursor of the oldest of the newest `count` entries of `matches` in the query's window, from journalctl itself:
   * newest first (--reverse --lines), each entry written as its PRIORITY alone (-o cat: a few bytes, where the export
   * of 300,000 entries' cursors and times cost seconds), and --show-cursor's cursor of the last one shown. The window is
   * given to the millisecond (journalctl reads fractional @seconds; --until is inclusive there, so it ends a
   * microsecond before). Undefined when journalctl gives no cursor: when the window holds no entry it either gives the
   * cursor of the entry near where it looked (reading on from it within the window finds nothing, as it should) or,
   * when it stopped at no entry (a window before the journal's first), none, exiting 1 without a word (showsCursor).
   */
  private async newestStart(held: JournalContents, matches: string[], query: RecordQuery, count: number): Promise<string | undefined> {
    const window = [
      ...(query.since !== undefined ? [`--since=@${(query.since / 1000).toFixed(3)}`] : []),
      ...(query.until !== undefined ? [`--until=@${((query.until * 1000 - 1) / 1e6).toFixed(6)}`] : []),
    ];
    const args = [...held.journal.args, '--reverse', `--lines=${count}`, '--show-cursor', '--output=cat', '--output-fields=PRIORITY', ...window, ...matches];
    let cursor: string | undefined;
    for await (const line of journalctlLines(args, held.journal.where, { ...this.journalctl(query.signal), showsCursor: true })) {
      if (line.startsWith(CURSOR_LINE)) cursor = line.slice(CURSOR_LINE.length);
    }
    return cursor;
  }

  /** One journal's entries of the wanted unit (and host), oldest first, in pages of pageRecords entries. */
  private async *readJournal(held: JournalContents, wanted: { host?: string; unit: string }, query: RecordQuery): AsyncGenerator<SourceRecord> {
    const page = this.options.pageRecords ?? PAGE_RECORDS;
    const byIdentifier = !held.units.has(wanted.unit);
    // journalctl's --lines would count the identifier's entries in units too, which this source leaves out.
    if (byIdentifier && query.tail !== undefined) {
      yield* newest(this.readJournal(held, wanted, { ...query, tail: undefined }), query.tail);
      return;
    }
    // Units and hosts are listed as shown (an invisible character written out, `pay\u202E.service`): journalctl
    // matches the value the journal holds, so the escapes are read back (leftovers26: the read found no entries).
    const unit = readInvisibleEscapes(wanted.unit);
    const matches = [byIdentifier ? `SYSLOG_IDENTIFIER=${unit}` : `_SYSTEMD_UNIT=${unit}`];
    if (wanted.host !== undefined) matches.push(`_HOSTNAME=${readInvisibleEscapes(wanted.host)}`);
    const base = [...held.journal.args, `--output-fields=${ENTRY_FIELDS.join(',')}`, ...untilArgs(query), ...matches];
    let cursor: string | undefined;
    let left = query.tail ?? Infinity;
    // journalctl counts --lines back from the journal's end whatever --until says, and forward from --since: the
    // newest entries of a window are found backwards first, then read forwards from the oldest of them.
    let first: string[] | undefined;
    if (query.tail !== undefined && (query.since !== undefined || query.until !== undefined)) {
      const from = await this.newestStart(held, matches, query, query.tail);
      if (from === undefined) return;
      first = [`--cursor=${from}`];
    }
    for (;;) {
      // journalctl takes one start: --since (or the cursor of the window's newest) on the first page, the cursor on the next ones.
      const start = cursor !== undefined ? [`--after-cursor=${cursor}`] : (first ?? [...sinceArgs(query), ...(query.tail !== undefined ? [`--lines=${query.tail}`] : [])]);
      const args = [...base, ...start];
      let inPage = 0;
      for await (const entry of journalctlEntries(args, ENTRY_KEPT, held.journal.where, this.journalctl(query.signal))) {
        const record = recordOf(entry);
        inPage++;
        cursor = record.cursor ?? cursor;
        // An identifier's source holds its entries outside units: the others belong to their unit's source
        // (getty@tty1.service logs as agetty) and would be counted twice.
        const ownEntry = !byIdentifier || record.unit === wanted.unit;
        if (ownEntry && inWindow(record, query)) {
          yield record;
          if (--left <= 0) return;
        }
        // Leaving the loop kills this journalctl; the next one continues after the cursor.
        if (inPage >= page && cursor !== undefined) break;
      }
      if (inPage < page || cursor === undefined) return;
    }
  }
}

/**
 * What a read says of entries whose text is not UTF-8 (journald stores a program's bytes as they are): decoded in the
 * configured charset, or read with U+FFFD, so that "no matches" for a word in them is not taken as its absence.
 */
function notUtf8Note(kind: 'decoded' | 'replaced', decoder: string | undefined): string {
  if (kind === 'decoded') return `some of its entries are not UTF-8: they were decoded as ${(decoder ?? '').toUpperCase()} (set by LOG_ENCODING, the editor's files.encoding)`;
  return (
    'some of its entries are not UTF-8 (a legacy charset such as EUC-KR/CP949, Shift_JIS, GBK or Latin-1): letters outside ASCII ' +
    "read as \uFFFD there and a search for them matches nothing; set the charset (LOG_ENCODING, or the editor's files.encoding, e.g. euckr) to read them"
  );
}

/** The last `count` records of `records`, oldest first. */
async function* newest(records: AsyncIterable<SourceRecord>, count: number): AsyncGenerator<SourceRecord> {
  if (count <= 0) return;
  const kept: SourceRecord[] = [];
  for await (const record of records) {
    kept.push(record);
    // Trimmed in batches: shifting one at a time would copy the array for every record.
    if (kept.length >= 2 * count) kept.splice(0, kept.length - count);
  }
  yield* kept.slice(-count);
}

/** journalctl's start of the window (whole seconds at or before it; records are checked exactly after). */
function sinceArgs(query: RecordQuery): string[] {
  return query.since !== undefined ? [`--since=@${Math.floor(query.since / 1000)}`] : [];
}

/** journalctl's end of the window (whole seconds at or after it). */
function untilArgs(query: RecordQuery): string[] {
  return query.until !== undefined ? [`--until=@${Math.ceil(query.until / 1000)}`] : [];
}

/** since inclusive, until exclusive (servers/shared/time-window); a record without a time is kept. */
function inWindow(record: SourceRecord, query: RecordQuery): boolean {
  if (record.time === undefined) return true;
  if (query.since !== undefined && record.time < query.since) return false;
  return query.until === undefined || record.time < query.until;
}

function addSource(found: Map<string, SourceInfo>, unit: string, host: string | undefined, where: string, lastWritten?: number): void {
  const name = journalName(unit, host);
  const known = found.get(name);
  if (known) {
    if (!known.location.includes(where)) known.location += `, ${where}`;
    if (lastWritten !== undefined && (known.lastWritten === undefined || lastWritten > known.lastWritten)) known.lastWritten = lastWritten;
    return;
  }
  found.set(name, { name, kind: 'journal', unit, ...(host !== undefined ? { host } : {}), location: where, ...(lastWritten !== undefined ? { lastWritten } : {}) });
}

/** What the newest entries of one journal showed: each source's newest entry (by source name), and whether they were all of it. */
interface JournalScan {
  held: JournalContents;
  /** Names carry the host (the scan was made for journals of several hosts). */
  byHost: boolean;
  newest: Map<string, { time: number; unit: string; host?: string }>;
  /** Syslog identifiers seen on entries that have a unit. */
  identifiersInUnits: Set<string>;
  complete: boolean;
  /** The __CURSOR of the newest entry read, where the next listing continues. */
  cursor?: string;
  /** When the full scan this one continues was made (epoch ms). */
  fullAt: number;
}

/** Whether `now` holds a host, unit or syslog identifier that `before` did not (journalctl -F of each). */
function holdsNew(now: JournalContents, before: JournalContents): boolean {
  const hosts = new Set(before.hosts);
  return now.hosts.some((h) => !hosts.has(h)) || [...now.units].some((u) => !before.units.has(u)) || [...now.identifiers].some((i) => !before.identifiers.has(i));
}

/** Host × unit sources of journals holding several hosts, from their scans, each with the time of its newest entry. */
function hostSources(scans: JournalScan[]): SourceInfo[] {
  const found = new Map<string, SourceInfo>();
  for (const scan of scans) for (const [, seen] of scan.newest) addSource(found, seen.unit, seen.host, scan.held.journal.where, seen.time);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One source per unit, plus one per syslog identifier that logs outside units. An identifier that is not a unit's
 * stem is usually the program a unit runs (python3 in api.service, sshd in ssh.service): its entries are the unit's,
 * and a source of its own would hold nothing. So it is listed only when the newest entries show it outside a unit, or
 * when they do not show it at all and did not cover the whole journal (it cannot be told then). lastWritten: the
 * time of the source's newest entry when the scan saw it.
 */
function unitSources(contents: JournalContents[], scans: JournalScan[]): SourceInfo[] {
  const found = new Map<string, SourceInfo>();
  for (const held of contents) {
    const scan = scans.find((s) => s.held === held);
    const host = held.hosts.length === 1 ? held.hosts[0] : undefined;
    const stems = new Set([...held.units].map(unitStem));
    const newest = (unit: string) => scan?.newest.get(journalName(unit))?.time;
    for (const unit of held.units) addSource(found, unit, undefined, held.journal.where, newest(unit));
    for (const id of held.identifiers) {
      if (stems.has(id) || held.units.has(id)) continue;
      const outside = newest(id);
      if (outside !== undefined || (scan !== undefined && !scan.complete && !scan.identifiersInUnits.has(id))) addSource(found, unitOf(undefined, id)!, undefined, held.journal.where, outside);
    }
    if (host) for (const info of found.values()) info.host ??= host;
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
