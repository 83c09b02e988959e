// The miner reads a message's characters once (speed25): TokenScan.readShape writes its shape key (shapeKey's) and
// its code units, and the scan of a message the shape cache misses reads those codes, not the string again. Both must
// be exactly what the plain readings give: shapeKey's key and hash, the string's charCodeAt, and the tokens of a scan
// that copied the message itself, whatever a longer message left in the reused buffers before.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ShapeCache } from '../../../servers/logs/patterns/sequence-cache';
import { shapeKey, TokenScan } from '../../../servers/logs/patterns/tokenize';

/** Characters the tokenizer and the shape key tell apart: blanks, digits, hex and other letters, marks, quotes, brackets, non-ASCII. */
const PIECES = [' ', '  ', '\t', '0', '7', '42', 'a', 'f', 'x', 'g', 'Z', 'ms', 'KB', '/', '\\', ':', '::', '.', ',', '=', '-', '_', '@', '"', "'", '(', ')', '[', ']', '{', '}', '<', '>', '<*>', '|', 'é', '日', '\u{1F600}', 'GET', 'user=', 'C:\\', 'e1', '0x1f', 'a.example.net'];

const message = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

/** What a scan found: its ranges, flags and skipped annotations, as text. */
function found(scan: TokenScan): string {
  const parts: string[] = [];
  for (let i = 0; i < scan.count; i++) parts.push(`${scan.starts[i]}-${scan.ends[i]}${scan.flags[i] === 1 ? '*' : ''}`);
  return `${parts.join(' ')} | ${scan.skipped.slice(0, scan.skippedCount).join(',')} | ${scan.tokens().join(' ')}`;
}

describe('one reading of a message for its shape and its scan', () => {
  it('writes the shape key and hash shapeKey writes, and the message\'s own code units then two 0s', () => {
    const scan = new TokenScan();
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 6 }), (messages) => {
        for (const text of messages) {
          const key = new Uint16Array(text.length + 1);
          const expectedKey = new Uint16Array(text.length + 1);
          assert.equal(scan.readShape(text, key), shapeKey(text, expectedKey), text);
          assert.deepEqual(key, expectedKey, text);
          const codes = Array.from(scan.codes.subarray(0, text.length + 2));
          assert.deepEqual(codes, [...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)), 0, 0], text);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('scans a message read for its shape to what a scan of its own copy gives, after any other message', () => {
    const reused = new TokenScan();
    const cache = new ShapeCache<number>(64);
    fc.assert(
      fc.property(fc.array(fc.tuple(message, fc.boolean()), { minLength: 1, maxLength: 8 }), (steps) => {
        for (const [text, throughCache] of steps) {
          // As the miner reads it (ShapeCache.get through the scan, then the scan), or a scan alone.
          if (throughCache) cache.get(text, 0, reused);
          assert.equal(found(reused.scan(text)), found(new TokenScan().scan(text)), JSON.stringify(text));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a message after a longer one that left a path mark two codes past its end', () => {
    // The word loop looks two codes ahead of a word's start, past a short message's end: the 0s there (asserted above)
    // keep it from a `/` the longer message left (the windows-path reading refuses such a word on the string too).
    const scan = new TokenScan();
    const cache = new ShapeCache<number>(64);
    cache.get('a b /x y', 0, scan);
    cache.get('a b', 0, scan);
    assert.equal(found(scan.scan('a b')), found(new TokenScan().scan('a b')));
  });
});
