// Opaque page cursors for git tools that list more than one answer holds. A cursor names what was last handed out,
// never an offset: git_log's names the tips the listing was read from (so commits made since do not shift the pages)
// and the last commit handed out (the next page starts after it); git_branches' names the last branch and its place in
// the order (its tip's date and full ref name), so branches created or deleted meanwhile do not shift the pages. It is
// signed with a key of the server that gave it (PageCursors, made where the server is built), so a cursor edited, made
// up, or given by another server (or before a restart) is refused instead of silently listing something else.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { UserFacingError } from '../../shared/tool-result';

const VERSION = 1;
/** Bytes of a server's signing key (HMAC-SHA-256's block is 64; 32 random bytes are its strength). */
const KEY_BYTES = 32;

/** What a page cursor holds: `query` is a digest of the call's arguments; the rest is the tool's own state. */
export interface CursorState {
  /** Digest of the arguments other than cursor and count: a cursor is only valid for the same question. */
  query: string;
  /** Full hashes of the commits the listing was read from (positive tips of the ref or range). */
  tips: string[];
  /** Full hashes the range excluded (the A of A..B), resolved when the first page was read. */
  excluded: string[];
  /** The last commit handed out; the next page lists what follows it. */
  after: string;
  /**
   * git's listing position just after `after` (commits before the next page), when known: the next page has git skip
   * them (a walk without printing) instead of listing every earlier commit to find `after` again. Checked on use.
   */
  position?: number;
  /** The window as resolved on the first page (epoch ms), so "today" keeps meaning the first page's day. */
  since?: number;
  until?: number;
}

/** A digest of the arguments that decide what a listing holds (JSON of them, keys sorted). */
export function queryDigest(args: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 22);
}

/**
 * The cursors of one server: made once where the server is built (createServer) and handed to the tools that page, so
 * the key lives exactly as long as that server; two servers (two processes, or two built in one process) never accept
 * each other's cursors. `key` is for tests; by default 32 random bytes.
 */
export class PageCursors {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(KEY_BYTES)) {
    this.key = key;
  }

  /** The opaque text handed to the caller as nextCursor: `state` is any JSON a tool pages by, with its query digest. */
  encode<T extends { query: string }>(state: T): string {
    const body = Buffer.from(JSON.stringify({ v: VERSION, ...state })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /**
   * The state of a cursor this server gave for a call with the same `query` digest. Throws a UserFacingError (the
   * tool's error result) for anything else: text that is not a cursor, one altered or from another server, or one
   * given for different arguments. `args` names the arguments the digest covers, for that last refusal. The state is
   * whatever `encode` was given by the same tool (the signature vouches for it).
   */
  decode<T extends { query: string } = CursorState>(
    cursor: string,
    query: string,
    tool: string,
    args = 'repository, ref, author, grep, since, until, path or includeMerges',
  ): T {
    const [body, mac, extra] = cursor.split('.');
    const refuse = (why: string) =>
      new UserFacingError(`cursor: ${why}. Pass back nextCursor exactly as ${tool} gave it, with the same arguments; or ask again without cursor for the first page.`);
    if (!body || !mac || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(body)) throw refuse('this is not a cursor this tool gave');
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw refuse('this cursor was not given by this server (it was altered, or the server was restarted since it was given)');
    }
    const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { v: number };
    if (state.v !== VERSION) throw refuse('this cursor is from another version of the server');
    if (state.query !== query) throw refuse(`this cursor was given for other arguments (${args} differ)`);
    return state;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}
