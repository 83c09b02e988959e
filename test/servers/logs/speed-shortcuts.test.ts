// Shortcuts on the per-line path (patterns/miner.ts, patterns/tokenize.ts, format/header.ts) against the readings they
// replace: the same answer for every input, whatever was read before. Each reference below is the code as it was
// before its shortcut.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createLineParser } from '../../../servers/logs/format/detect';
import { arrowsOf } from '../../../servers/logs/patterns/miner';
import { shapeKey } from '../../../servers/logs/patterns/tokenize';

/** arrowsOf before it searched for `<` and `>` by indexOf: a loop over every character. */
function arrowsOfByLoop(message: string): string {
  const isArrowMark = (c: number) => c === 60 || c === 62 || c === 45 || c === 61;
  const isBlank = (c: number) => c === 32 || c === 9;
  let arrows = '';
  for (let i = 0; i < message.length; i++) {
    const c = message.charCodeAt(i);
    if (c !== 60 && c !== 62) continue;
    let start = i;
    while (start > 0 && isArrowMark(message.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < message.length && isArrowMark(message.charCodeAt(end))) end++;
    if ((start === 0 || isBlank(message.charCodeAt(start - 1))) && (end === message.length || isBlank(message.charCodeAt(end)))) arrows += `${message.slice(start, end)} `;
    i = end - 1;
  }
  return arrows;
}

/** shapeKey before it hashed while writing: codes written in one pass, hashed in a second. */
function shapeKeyTwoPasses(message: string, out: Uint16Array): number {
  const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const length = message.length;
  let before = 0;
  let c = length > 0 ? message.charCodeAt(0) : 0;
  for (let i = 0; i < length; i++) {
    const next = i + 1 < length ? message.charCodeAt(i + 1) : 0;
    out[i] = (c - 48) >>> 0 <= 9 && !isAsciiLetter(before) && !isAsciiLetter(next) ? 48 : c;
    before = c;
    c = next;
  }
  let hash = 0x811c9dc5 ^ length;
  for (let i = 0; i < length; i += 2) hash = Math.imul(hash ^ (out[i] | ((i + 1 < length ? out[i + 1] : 0) << 16)), 0x01000193);
  return (hash ^ (hash >>> 30)) & 0x3fffffff;
}

/** Messages made of the pieces each shortcut turns on: marks, blanks, digits beside letters or not, wide characters. */
const messageOf = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));

describe('log intelligence: miner per-line shortcuts', () => {
  it('finds the standalone arrows of a message as the loop over every character did', () => {
    const message = messageOf(['<', '>', '-', '=', ' ', '\t', 'a', 'x1', '<*>', '-->', '<--', '=>', '<0.28.0>', 'close', '']);
    fc.assert(
      fc.property(message, (text) => assert.equal(arrowsOf(text), arrowsOfByLoop(text), JSON.stringify(text))),
      { numRuns: 5000 },
    );
  });

  it("writes a message's shape codes and hash as the two passes did", () => {
    const message = messageOf(['0', '7', '12', 'a', 'Z', 'ms', 'x9', ' ', '.', '-', ':', 'é', '\u4e00', '\ud83d\ude00', '9z', '_', '']);
    fc.assert(
      fc.property(message, (text) => {
        const fused = new Uint16Array(text.length + 1).fill(7);
        const twoPasses = new Uint16Array(text.length + 1).fill(7);
        assert.equal(shapeKey(text, fused), shapeKeyTwoPasses(text, twoPasses), JSON.stringify(text));
        assert.deepEqual(fused, twoPasses, JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads each line as it reads it alone, whatever line came before (the header's shared records)", () => {
    // Files whose lines set different fields (time, host, program, a channel's level, a level column, another form, a
    // compose prefix, a continuation): a line read after any other reads as it does after itself.
    const files = [
      [
        'Jan  5 08:00:00 alpha prog[123]: message text here',
        'Jan  5 08:00:01 beta kernel: [ 12.345] usb 1-1: new device',
        'Jan  5 08:00:02 alpha app.ERROR: failure in channel',
        'Jan  5 08:00:03 gamma postgres[44]: ERROR: relation missing',
        '2024-01-01 10:00:03 ERROR db down',
        '[2017-6-23 08:13:01] Loaded plugin: x',
        'web-1  | Jan  5 08:00:04 alpha prog: composed line',
        '    at com.example.Foo(Foo.java:10)',
        'Jan  5 08:00:05 beta sshd(pam_unix)[20898]: session opened',
        'Jan  5 08:00:06 beta su (pam_unix): auth failure',
        'Jan  5 08:00:07 alpha httpd[1]: "GET /x HTTP/1.1" 500 12',
        'plain text without a header',
        'Jan  5 08:00:08 alpha prog[9]: warning: disk almost full',
      ],
      [
        '[2026-01-05 08:00:00.000] [main] [INFO] [com.x.Api] request served',
        '[2026-01-05 08:00:00.137] [pool-1] [ERROR] [com.x.Db] connection lost',
        '[2026-01-05 08:00:01.001] [main] [WARN] [com.x.Api] slow answer',
        '[2026-01-05 08:00:01] [main] INFO started',
        'Caused by: java.io.IOException: boom',
        '2026-01-05 08:00:02,123 DEBUG other form line',
        'db-1  | 2026-01-05 08:00:03 ERROR composed',
      ],
    ];
    for (const lines of files) {
      const parser = createLineParser([...lines, ...lines, ...lines], { referenceTime: Date.UTC(2026, 0, 10) });
      const alone = lines.map((line) => {
        parser.parse(line);
        return parser.parse(line);
      });
      fc.assert(
        fc.property(fc.array(fc.nat(lines.length - 1), { minLength: 2, maxLength: 12 }), (order) => {
          for (const i of order) assert.deepEqual(parser.parse(lines[i]), alone[i], `${JSON.stringify(lines[i])} in ${order.join(',')}`);
        }),
        { numRuns: 500 },
      );
    }
  });
});
