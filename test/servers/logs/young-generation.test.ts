// The logs server keeps V8's young generation at its starting size (young-generation.ts), except while it reads a
// journal or container source, whose entries would otherwise be copied by thousands of scavenges.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SourceRegistry } from '../../../servers/logs/sources/registry/registry';
import type { LogSourceProvider, SourceRecord } from '../../../servers/logs/sources/types';

const MODULE = path.join(__dirname, '../../../servers/logs/young-generation.ts');

/**
 * In a process of its own (the module sets a flag of the whole process): the size of the young generation (new space,
 * bytes) after a read of made-up entries that keeps the last 20,000 alive (the output chunk in hand), first read as
 * is, then through growWhileReading; and what a read through it broken off after three records saw and closed.
 */
function newSpaceAfterReads(): { pinned: number; grown: number; seen: number[]; closed: boolean } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    // The repository's .ts files load as CommonJS: their exports are the default export's.
    const loaded = await import(${JSON.stringify(MODULE)});
    const { growWhileReading } = loaded.default ?? loaded;
    const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    async function* entries(n) {
      const held = [];
      for (let i = 0; i < n; i++) {
        held.push({ text: 'entry text of a journal record ' + i, fields: new Map([['PRIORITY', [String(i % 8)]]]) });
        if (held.length > 20000) held.shift();
        yield held[held.length - 1];
      }
    }
    const read = async (records) => { let n = 0; for await (const r of records) n += r.text.length; return n; };
    await read(entries(120000));
    const pinned = newSpace();
    await read(growWhileReading(entries(120000)));
    const grown = newSpace();
    // A read broken off closes the source's iteration (its journalctl is stopped) through the wrapper.
    let closed = false;
    async function* source() { try { for (let i = 0; ; i++) yield i; } finally { closed = true; } }
    const seen = [];
    for await (const i of growWhileReading(source())) { seen.push(i); if (i === 2) break; }
    console.log(JSON.stringify({ pinned, grown, seen, closed }));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as { pinned: number; grown: number; seen: number[]; closed: boolean };
}

/** A provider of one source whose read yields `count` records and notes when its iteration is closed. */
function provider(count: number, closed: { count: number }): LogSourceProvider {
  return {
    kind: 'journal',
    list: async () => ({ sources: [] }),
    read: () => ({
      async *[Symbol.asyncIterator]() {
        try {
          for (let i = 0; i < count; i++) yield { text: `line ${i}` } as SourceRecord;
        } finally {
          closed.count++;
        }
      },
    }),
  } as unknown as LogSourceProvider;
}

describe('logs server: the young generation', () => {
  it('grows while a source is read through growWhileReading, and stays at its start otherwise', function () {
    this.timeout(300_000);
    const { pinned, grown, seen, closed } = newSpaceAfterReads();
    assert.ok(grown > pinned, `new space ${grown} bytes after the read through growWhileReading, ${pinned} before`);
    assert.deepEqual(seen, [0, 1, 2]);
    assert.ok(closed, 'a read broken off closes the source through growWhileReading');
  });

  it("a source read goes through the registry's wrapper, which gives every record in order and passes a break on", async () => {
    const closed = { count: 0 };
    const wrapped: number[] = [];
    const registry = new SourceRegistry([provider(5, closed)], (records) => {
      wrapped.push(1);
      return records;
    });
    const texts: string[] = [];
    for await (const record of registry.read('journal:a.service', {})) texts.push(record.text);
    assert.deepEqual(texts, ['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    assert.equal(wrapped.length, 1);
    for await (const record of registry.read('journal:a.service', {})) if (record.text === 'line 1') break;
    assert.equal(closed.count, 2);
  });
});
