// The patches git_show read last, kept so that paging one (patchOffset) does not run `git show` again for every part:
// a 50 MB diff read in 100 KB parts ran git 500 times, each writing the patch from its start up to the part asked for.
// A patch is read ahead (at least READ_AHEAD bytes, then twice what is held) and kept in an LRU bounded by bytes, for
// a few minutes: a commit's patch does not change, but attributes in the working tree (a file marked binary) can.
import { LRUCache } from 'lru-cache';

/** The start of one patch as git wrote it; `complete` when it is the whole patch (git ended on its own). */
export interface HeldPatch {
  bytes: Buffer;
  complete: boolean;
}

/** Bytes of patches held at once: the largest patch git_show pages into (64 MiB and a part) fits, with room for others. */
const MAX_HELD_BYTES = 80 * 1024 * 1024;
/** How long a patch is held after it was last read. */
const HELD_MS = 5 * 60 * 1000;
/** Least read from git for a patch: a small patch is read whole at once, a large one in few runs. */
const READ_AHEAD = 1024 * 1024;

/**
 * The patches of one server, made where the server is built (createServer) and handed to git_show. `read(key, need,
 * run)` gives a held patch with at least `need` bytes (or the whole patch when it is shorter), calling `run(maxBytes)`
 * to have git write it when what is held is too short.
 */
export class PatchCache {
  private readonly held = new LRUCache<string, HeldPatch>({
    maxSize: MAX_HELD_BYTES,
    sizeCalculation: (patch) => Math.max(1, patch.bytes.length),
    ttl: HELD_MS,
    updateAgeOnGet: true,
  });

  /**
   * The patch under `key` (the repository, commit and paths it was asked for), holding at least `need` bytes when the
   * patch has them. `run(maxBytes)` writes the patch's first `maxBytes` bytes and says whether git stopped there
   * (truncated); its errors reach the caller and nothing is held. `limit` is the most ever read for a patch.
   */
  async read(key: string, need: number, limit: number, run: (maxBytes: number) => Promise<{ stdout: Buffer; truncated: boolean }>): Promise<HeldPatch> {
    const held = this.held.get(key);
    if (held && (held.complete || held.bytes.length >= need)) return held;
    const maxBytes = Math.min(limit, Math.max(need, READ_AHEAD, (held?.bytes.length ?? 0) * 2));
    const written = await run(maxBytes);
    const patch = { bytes: written.stdout, complete: !written.truncated };
    this.held.set(key, patch);
    return patch;
  }
}
