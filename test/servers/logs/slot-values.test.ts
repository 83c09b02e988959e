// A word the statement fills in is a variable, judged by the file's evidence about the slot (patterns/variability.ts):
// real lines from the excerpts (test/fixtures/real-excerpts) with their right grouping, made-up neighbours that vary
// the same way, and the counter-examples that must stay apart (different statements that look alike).
import assert from 'node:assert/strict';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { assertApart, assertOneEvent, minedAlone } from '../../support/mined-templates';
import { tokenize } from '../../../servers/logs/patterns/tokenize';

/**
 * Mines `lines` as one file through the tool's pass (header detection, columns, miner) and returns the listed
 * template of each line, in order.
 */
async function templatesOf(lines: string[]): Promise<string[]> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
  const byLine: string[] = [];
  for (const t of miner.templates()) for (const n of t.lineNumbers ?? []) byLine[n - 1] = t.template;
  return byLine;
}

/** A file's messages (mined alone), the lines that must share one template (or each keep their own), and what they show. */
type Grouping = [messages: string[], indexes: number[], what: string];

/** Mines each case's messages alone: `together` cases are one event each (assertOneEvent), `apart` ones stay apart. */
function assertGroupings(together: Grouping[], apart: Grouping[]): void {
  for (const [messages, indexes, what] of together) assertOneEvent(minedAlone(messages), indexes, what);
  for (const [messages, indexes, what] of apart) assertApart(minedAlone(messages), indexes, what);
}


describe('log intelligence: a slot the statement fills in, judged by the file', () => {

  // break18 (the `slots14` rules, dropped before landing): an audit helper at one call site printing `access granted` (42)
  // and `access denied` (18), glog's `backup of <vol> succeeded|failed` at main.go:88, and `transaction <n>
  // committed|rolled|aborted` four times each. Merged, every example said "granted", "succeeded" or "committed":
  // outcomes are words a program chooses among, at one call site and in comparable counts alike.
  it('keeps outcomes apart at one call site and in comparable counts (access denied, backup failed, transaction aborted)', async () => {
    const site = [
      "2026-12-01 11:00:00,000 INFO [audit.py:20] access granted for user8",
      "2026-12-01 11:00:00,000 INFO [worker.py:44] job 0 done in 10 ms",
      "2026-12-01 11:00:01,001 INFO [audit.py:20] access denied for user36",
      "2026-12-01 11:00:01,001 INFO [worker.py:31] job 1 done in 73 ms",
      "2026-12-01 11:00:02,002 INFO [audit.py:20] access granted for user18",
      "2026-12-01 11:00:02,002 INFO [worker.py:44] job 2 done in 38 ms",
      "2026-12-01 11:00:03,003 INFO [audit.py:20] access denied for user35",
      "2026-12-01 11:00:03,003 INFO [worker.py:31] job 3 done in 59 ms",
      "2026-12-01 11:00:04,004 INFO [audit.py:20] access granted for user7",
      "2026-12-01 11:00:04,004 INFO [worker.py:31] job 4 done in 38 ms",
      "2026-12-01 11:00:05,005 INFO [audit.py:20] access granted for user40",
      "2026-12-01 11:00:05,005 INFO [worker.py:31] job 5 done in 12 ms",
      "2026-12-01 11:00:06,006 INFO [audit.py:20] access granted for user8",
      "2026-12-01 11:00:06,006 INFO [worker.py:31] job 6 done in 25 ms",
      "2026-12-01 11:00:07,007 INFO [audit.py:20] access granted for user38",
      "2026-12-01 11:00:07,007 INFO [worker.py:44] job 7 done in 21 ms",
      "2026-12-01 11:00:08,008 INFO [audit.py:20] access granted for user29",
      "2026-12-01 11:00:08,008 INFO [worker.py:31] job 8 done in 88 ms",
      "2026-12-01 11:00:09,009 INFO [audit.py:20] access granted for user11",
      "2026-12-01 11:00:09,009 INFO [worker.py:31] job 9 done in 56 ms",
      "2026-12-01 11:00:10,010 INFO [audit.py:20] access granted for user35",
      "2026-12-01 11:00:10,010 INFO [worker.py:44] job 10 done in 71 ms",
      "2026-12-01 11:00:11,011 INFO [audit.py:20] access granted for user31",
      "2026-12-01 11:00:11,011 INFO [worker.py:44] job 11 done in 13 ms",
      "2026-12-01 11:00:12,012 INFO [audit.py:20] access granted for user21",
      "2026-12-01 11:00:12,012 INFO [worker.py:31] job 12 done in 4 ms",
      "2026-12-01 11:00:13,013 INFO [audit.py:20] access granted for user19",
      "2026-12-01 11:00:13,013 INFO [worker.py:44] job 13 done in 58 ms",
      "2026-12-01 11:00:14,014 INFO [audit.py:20] access granted for user21",
      "2026-12-01 11:00:14,014 INFO [worker.py:44] job 14 done in 9 ms",
      "2026-12-01 11:00:15,015 INFO [audit.py:20] access granted for user21",
      "2026-12-01 11:00:15,015 INFO [worker.py:44] job 15 done in 15 ms",
      "2026-12-01 11:00:16,016 INFO [audit.py:20] access granted for user14",
      "2026-12-01 11:00:16,016 INFO [worker.py:44] job 16 done in 85 ms",
      "2026-12-01 11:00:17,017 INFO [audit.py:20] access granted for user17",
      "2026-12-01 11:00:17,017 INFO [worker.py:31] job 17 done in 70 ms",
      "2026-12-01 11:00:18,018 INFO [audit.py:20] access granted for user20",
      "2026-12-01 11:00:18,018 INFO [worker.py:31] job 18 done in 32 ms",
      "2026-12-01 11:00:19,019 INFO [audit.py:20] access granted for user6",
      "2026-12-01 11:00:19,019 INFO [worker.py:44] job 19 done in 12 ms",
      "2026-12-01 11:00:20,020 INFO [audit.py:20] access granted for user6",
      "2026-12-01 11:00:20,020 INFO [worker.py:44] job 20 done in 30 ms",
      "2026-12-01 11:00:21,021 INFO [audit.py:20] access granted for user20",
      "2026-12-01 11:00:21,021 INFO [worker.py:31] job 21 done in 42 ms",
      "2026-12-01 11:00:22,022 INFO [audit.py:20] access granted for user21",
      "2026-12-01 11:00:22,022 INFO [worker.py:44] job 22 done in 32 ms",
      "2026-12-01 11:00:23,023 INFO [audit.py:20] access granted for user7",
      "2026-12-01 11:00:23,023 INFO [worker.py:31] job 23 done in 32 ms",
      "2026-12-01 11:00:24,024 INFO [audit.py:20] access granted for user2",
      "2026-12-01 11:00:24,024 INFO [worker.py:31] job 24 done in 52 ms",
      "2026-12-01 11:00:25,025 INFO [audit.py:20] access granted for user18",
      "2026-12-01 11:00:25,025 INFO [worker.py:31] job 25 done in 94 ms",
      "2026-12-01 11:00:26,026 INFO [audit.py:20] access granted for user2",
      "2026-12-01 11:00:26,026 INFO [worker.py:31] job 26 done in 38 ms",
      "2026-12-01 11:00:27,027 INFO [audit.py:20] access granted for user32",
      "2026-12-01 11:00:27,027 INFO [worker.py:44] job 27 done in 20 ms",
      "2026-12-01 11:00:28,028 INFO [audit.py:20] access granted for user33",
      "2026-12-01 11:00:28,028 INFO [worker.py:44] job 28 done in 10 ms",
      "2026-12-01 11:00:29,029 INFO [audit.py:20] access denied for user12",
      "2026-12-01 11:00:29,029 INFO [worker.py:31] job 29 done in 20 ms",
      "2026-12-01 11:00:30,030 INFO [audit.py:20] access granted for user21",
      "2026-12-01 11:00:30,030 INFO [worker.py:44] job 30 done in 14 ms",
      "2026-12-01 11:00:31,031 INFO [audit.py:20] access denied for user33",
      "2026-12-01 11:00:31,031 INFO [worker.py:44] job 31 done in 17 ms",
      "2026-12-01 11:00:32,032 INFO [audit.py:20] access granted for user10",
      "2026-12-01 11:00:32,032 INFO [worker.py:31] job 32 done in 41 ms",
      "2026-12-01 11:00:33,033 INFO [audit.py:20] access denied for user36",
      "2026-12-01 11:00:33,033 INFO [worker.py:31] job 33 done in 23 ms",
      "2026-12-01 11:00:34,034 INFO [audit.py:20] access granted for user28",
      "2026-12-01 11:00:34,034 INFO [worker.py:31] job 34 done in 7 ms",
      "2026-12-01 11:00:35,035 INFO [audit.py:20] access denied for user16",
      "2026-12-01 11:00:35,035 INFO [worker.py:44] job 35 done in 9 ms",
      "2026-12-01 11:00:36,036 INFO [audit.py:20] access denied for user29",
      "2026-12-01 11:00:36,036 INFO [worker.py:44] job 36 done in 71 ms",
      "2026-12-01 11:00:37,037 INFO [audit.py:20] access granted for user35",
      "2026-12-01 11:00:37,037 INFO [worker.py:44] job 37 done in 69 ms",
      "2026-12-01 11:00:38,038 INFO [audit.py:20] access granted for user1",
      "2026-12-01 11:00:38,038 INFO [worker.py:44] job 38 done in 44 ms",
      "2026-12-01 11:00:39,039 INFO [audit.py:20] access granted for user17",
      "2026-12-01 11:00:39,039 INFO [worker.py:44] job 39 done in 4 ms",
      "2026-12-01 11:00:40,040 INFO [audit.py:20] access denied for user27",
      "2026-12-01 11:00:40,040 INFO [worker.py:31] job 40 done in 8 ms",
      "2026-12-01 11:00:41,041 INFO [audit.py:20] access denied for user23",
      "2026-12-01 11:00:41,041 INFO [worker.py:31] job 41 done in 76 ms",
      "2026-12-01 11:00:42,042 INFO [audit.py:20] access granted for user9",
      "2026-12-01 11:00:42,042 INFO [worker.py:44] job 42 done in 36 ms",
      "2026-12-01 11:00:43,043 INFO [audit.py:20] access granted for user37",
      "2026-12-01 11:00:43,043 INFO [worker.py:44] job 43 done in 23 ms",
      "2026-12-01 11:00:44,044 INFO [audit.py:20] access denied for user6",
      "2026-12-01 11:00:44,044 INFO [worker.py:31] job 44 done in 63 ms",
      "2026-12-01 11:00:45,045 INFO [audit.py:20] access granted for user12",
      "2026-12-01 11:00:45,045 INFO [worker.py:44] job 45 done in 65 ms",
      "2026-12-01 11:00:46,046 INFO [audit.py:20] access denied for user29",
      "2026-12-01 11:00:46,046 INFO [worker.py:31] job 46 done in 31 ms",
      "2026-12-01 11:00:47,047 INFO [audit.py:20] access granted for user32",
      "2026-12-01 11:00:47,047 INFO [worker.py:44] job 47 done in 29 ms",
      "2026-12-01 11:00:48,048 INFO [audit.py:20] access denied for user27",
      "2026-12-01 11:00:48,048 INFO [worker.py:44] job 48 done in 72 ms",
      "2026-12-01 11:00:49,049 INFO [audit.py:20] access denied for user18",
      "2026-12-01 11:00:49,049 INFO [worker.py:31] job 49 done in 7 ms",
      "2026-12-01 11:00:50,050 INFO [audit.py:20] access granted for user33",
      "2026-12-01 11:00:50,050 INFO [worker.py:44] job 50 done in 21 ms",
      "2026-12-01 11:00:51,051 INFO [audit.py:20] access denied for user14",
      "2026-12-01 11:00:51,051 INFO [worker.py:44] job 51 done in 39 ms",
      "2026-12-01 11:00:52,052 INFO [audit.py:20] access denied for user20",
      "2026-12-01 11:00:52,052 INFO [worker.py:44] job 52 done in 22 ms",
      "2026-12-01 11:00:53,053 INFO [audit.py:20] access denied for user30",
      "2026-12-01 11:00:53,053 INFO [worker.py:31] job 53 done in 16 ms",
      "2026-12-01 11:00:54,054 INFO [audit.py:20] access denied for user33",
      "2026-12-01 11:00:54,054 INFO [worker.py:44] job 54 done in 23 ms",
      "2026-12-01 11:00:55,055 INFO [audit.py:20] access granted for user17",
      "2026-12-01 11:00:55,055 INFO [worker.py:44] job 55 done in 28 ms",
      "2026-12-01 11:00:56,056 INFO [audit.py:20] access denied for user4",
      "2026-12-01 11:00:56,056 INFO [worker.py:44] job 56 done in 88 ms",
      "2026-12-01 11:00:57,057 INFO [audit.py:20] access granted for user23",
      "2026-12-01 11:00:57,057 INFO [worker.py:44] job 57 done in 66 ms",
      "2026-12-01 11:00:58,058 INFO [audit.py:20] access granted for user35",
      "2026-12-01 11:00:58,058 INFO [worker.py:31] job 58 done in 68 ms",
      "2026-12-01 11:00:59,059 INFO [audit.py:20] access granted for user17",
      "2026-12-01 11:00:59,059 INFO [worker.py:31] job 59 done in 35 ms"
    ];
    const glog = [
      "2026-12-01 12:00:00.000 I main.go:88] backup of vol24 failed",
      "2026-12-01 12:00:01.001 I main.go:88] backup of vol30 succeeded",
      "2026-12-01 12:00:02.002 I main.go:88] backup of vol3 succeeded",
      "2026-12-01 12:00:03.003 I main.go:88] backup of vol5 failed",
      "2026-12-01 12:00:04.004 I main.go:88] backup of vol25 succeeded",
      "2026-12-01 12:00:05.005 I main.go:88] backup of vol20 succeeded",
      "2026-12-01 12:00:06.006 I main.go:88] backup of vol27 failed",
      "2026-12-01 12:00:07.007 I main.go:88] backup of vol22 succeeded",
      "2026-12-01 12:00:08.008 I main.go:88] backup of vol22 succeeded",
      "2026-12-01 12:00:09.009 I main.go:88] backup of vol23 failed",
      "2026-12-01 12:00:10.010 I main.go:88] backup of vol3 succeeded",
      "2026-12-01 12:00:11.011 I main.go:88] backup of vol15 succeeded",
      "2026-12-01 12:00:12.012 I main.go:88] backup of vol28 failed",
      "2026-12-01 12:00:13.013 I main.go:88] backup of vol30 succeeded",
      "2026-12-01 12:00:14.014 I main.go:88] backup of vol8 succeeded",
      "2026-12-01 12:00:15.015 I main.go:88] backup of vol28 failed",
      "2026-12-01 12:00:16.016 I main.go:88] backup of vol13 succeeded",
      "2026-12-01 12:00:17.017 I main.go:88] backup of vol26 succeeded",
      "2026-12-01 12:00:18.018 I main.go:88] backup of vol29 failed",
      "2026-12-01 12:00:19.019 I main.go:88] backup of vol14 succeeded",
      "2026-12-01 12:00:20.020 I main.go:88] backup of vol13 succeeded",
      "2026-12-01 12:00:21.021 I main.go:88] backup of vol6 failed",
      "2026-12-01 12:00:22.022 I main.go:88] backup of vol30 succeeded",
      "2026-12-01 12:00:23.023 I main.go:88] backup of vol11 succeeded",
      "2026-12-01 12:00:24.024 I main.go:88] backup of vol15 failed",
      "2026-12-01 12:00:25.025 I main.go:88] backup of vol5 succeeded",
      "2026-12-01 12:00:26.026 I main.go:88] backup of vol20 succeeded",
      "2026-12-01 12:00:27.027 I main.go:88] backup of vol30 failed",
      "2026-12-01 12:00:28.028 I main.go:88] backup of vol16 succeeded",
      "2026-12-01 12:00:29.029 I main.go:88] backup of vol7 succeeded",
      "2026-12-01 12:00:30.030 I main.go:88] backup of vol4 failed",
      "2026-12-01 12:00:31.031 I main.go:88] backup of vol14 succeeded",
      "2026-12-01 12:00:32.032 I main.go:88] backup of vol20 succeeded",
      "2026-12-01 12:00:33.033 I main.go:88] backup of vol18 failed",
      "2026-12-01 12:00:34.034 I main.go:88] backup of vol14 succeeded",
      "2026-12-01 12:00:35.035 I main.go:88] backup of vol30 succeeded",
      "2026-12-01 12:00:36.036 I main.go:88] backup of vol4 failed",
      "2026-12-01 12:00:37.037 I main.go:88] backup of vol22 succeeded",
      "2026-12-01 12:00:38.038 I main.go:88] backup of vol10 succeeded",
      "2026-12-01 12:00:39.039 I main.go:88] backup of vol9 failed"
    ];
    const rows = [
      "2026-12-01 10:00:00,000 INFO 479 rows inserted in table t2",
      "2026-12-01 10:00:01,001 INFO 402 rows updated in table t6",
      "2026-12-01 10:00:02,002 INFO 372 rows deleted in table t1",
      "2026-12-01 10:00:03,003 INFO 465 rows inserted in table t4",
      "2026-12-01 10:00:04,004 INFO 382 rows updated in table t2",
      "2026-12-01 10:00:05,005 INFO 31 rows deleted in table t1",
      "2026-12-01 10:00:06,006 INFO 140 rows inserted in table t4",
      "2026-12-01 10:00:07,007 INFO 350 rows updated in table t2",
      "2026-12-01 10:00:08,008 INFO 387 rows deleted in table t9",
      "2026-12-01 10:00:09,009 INFO 70 rows inserted in table t5",
      "2026-12-01 10:00:10,010 INFO 126 rows updated in table t4",
      "2026-12-01 10:00:11,011 INFO 484 rows deleted in table t1",
      "2026-12-01 10:00:12,012 INFO 217 rows inserted in table t1",
      "2026-12-01 10:00:13,013 INFO 30 rows updated in table t6",
      "2026-12-01 10:00:14,014 INFO 185 rows deleted in table t3",
      "2026-12-01 10:00:15,015 INFO 128 rows inserted in table t1",
      "2026-12-01 10:00:16,016 INFO 43 rows updated in table t2",
      "2026-12-01 10:00:17,017 INFO 489 rows deleted in table t2",
      "2026-12-01 10:00:18,018 INFO 13 rows inserted in table t1",
      "2026-12-01 10:00:19,019 INFO 374 rows updated in table t1",
      "2026-12-01 10:00:20,020 INFO 192 rows deleted in table t5",
      "2026-12-01 10:00:21,021 INFO 66 rows inserted in table t3",
      "2026-12-01 10:00:22,022 INFO 377 rows updated in table t3",
      "2026-12-01 10:00:23,023 INFO 268 rows deleted in table t1",
      "2026-12-01 10:00:24,024 INFO 198 rows inserted in table t1",
      "2026-12-01 10:00:25,025 INFO 407 rows updated in table t4",
      "2026-12-01 10:00:26,026 INFO 78 rows deleted in table t1",
      "2026-12-01 10:00:27,027 INFO 3 rows inserted in table t6",
      "2026-12-01 10:00:28,028 INFO 481 rows updated in table t2",
      "2026-12-01 10:00:29,029 INFO 147 rows deleted in table t6",
      "2026-12-01 10:01:00,000 INFO transaction 9007 committed after 4 ms",
      "2026-12-01 10:01:01,001 INFO transaction 6052 rolled after 58 ms",
      "2026-12-01 10:01:02,002 INFO transaction 1749 aborted after 34 ms",
      "2026-12-01 10:01:03,003 INFO transaction 7583 committed after 80 ms",
      "2026-12-01 10:01:04,004 INFO transaction 3514 rolled after 61 ms",
      "2026-12-01 10:01:05,005 INFO transaction 4695 aborted after 12 ms",
      "2026-12-01 10:01:06,006 INFO transaction 6182 committed after 14 ms",
      "2026-12-01 10:01:07,007 INFO transaction 1396 rolled after 58 ms",
      "2026-12-01 10:01:08,008 INFO transaction 3089 aborted after 67 ms",
      "2026-12-01 10:01:09,009 INFO transaction 7438 committed after 63 ms",
      "2026-12-01 10:01:10,010 INFO transaction 9434 rolled after 42 ms",
      "2026-12-01 10:01:11,011 INFO transaction 3356 aborted after 44 ms"
    ];
    for (const [lines, words] of [[site, ['access granted', 'access denied']], [glog, ['succeeded', 'failed']], [rows, ['committed', 'rolled', 'aborted']]] as const) {
      const templates = await templatesOf([...lines]);
      for (const word of words) {
        const with_ = lines.flatMap((line, i) => (line.includes(word) ? [templates[i]] : []));
        const without = new Set(lines.flatMap((line, i) => (line.includes(word) ? [] : [templates[i]])));
        assert.ok(with_.length > 0, word);
        for (const t of with_) assert.ok(!without.has(t), `'${word}' shares '${t}' with other lines`);
      }
    }
  });
  // break16: rules that made a word after `in`, or a snake_case name, a value whatever the counts hid a rare outcome in
  // the common one's template (`ended in rollback` among 75 `ended in commit`; `fraud_detected` among order events).
  it('keeps a rare outcome word apart from the common one where the counts say it is no filled-in value', () => {
    const file = (common: (i: number) => string, rare: (i: number) => string, every: number, total: number) =>
      Array.from({ length: total }, (_, i) => ((i + 1) % every === 0 ? rare(i) : common(i)));
    const outcomes = file((i) => `transaction ${1000 + i} ended in commit`, (i) => `transaction ${1000 + i} ended in rollback`, 16, 80);
    const modes = file(() => 'cluster health check: running in normal mode', () => 'cluster health check: running in degraded mode', 8, 40);
    const events = file((i) => `publishing event ${['order_created', 'order_paid', 'order_cancelled'][i % 3]} to queue orders`, () => 'publishing event fraud_detected to queue orders', 10, 60);
    assertGroupings(
      [],
      [
        [outcomes, [0, 15], 'ended in commit / rollback'],
        [modes, [0, 7], 'running in normal / degraded mode'],
        [events, [0, 9], 'order_created / fraud_detected'],
      ],
    );
  });

  it('reads the members of one enumeration with a shared prefix as one variable (HTCondor ULOG_*, made-up JOB_*)', async () => {
    const node = 'merge_scec-HighFrequency-1.0_PID3_ID12';
    const real = ['ULOG_SUBMIT', 'ULOG_EXECUTE', 'ULOG_IMAGE_SIZE', 'ULOG_JOB_EVICTED'].map((kind, i) => `07/27/11 19:4${i}:55 Event: ${kind} for Condor Node ${node} (5437648.0.0)`);
    const lines = [
      `07/27/11 19:41:55 Submitting Condor Node ${node} job(s)...`,
      ...real,
      '07/27/11 19:50:00 Number of idle job procs: 0',
      ...['JOB_QUEUED', 'JOB_STARTED', 'JOB_HELD', 'JOB_QUEUED', 'JOB_DONE'].map((kind, i) => `07/27/11 20:0${i}:00 scheduler moved job ${i + 7} to state ${kind} after checks`),
    ];
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [1, 2, 3, 4], 'HTCondor event kinds');
    assertOneEvent(templates, [6, 7, 8, 9, 10], 'made-up JOB_* states');
  });

  it('reads a shared-prefix enumeration that opens the message as one variable too (Kong\'s `KONG_PG_HOST ENV found with "…"`)', async () => {
    // Made-up settings in the form of Kong's environment dump (batch 8): a variable's name, UPPER_CASE with the
    // program's prefix, opens each line, once per setting.
    const names = ['APP_DB_HOST', 'APP_DB_PORT', 'APP_LOG_LEVEL', 'APP_LISTEN', 'APP_CACHE_SIZE'];
    const lines = names.map((name, i) => `2021/06/03 07:55:0${i} [debug] ${name} ENV found with "v${i}"`);
    lines.push('2021/06/03 07:55:09 [debug] loading config file');
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [0, 1, 2, 3, 4], 'APP_* settings');
    // Without a shared prefix, or only two of them, first words name their events as before.
    const states = await templatesOf(['NEW task 1 seen', 'RUNNING task 1 seen', 'KILLED task 1 seen', 'DONE task 1 seen']);
    assert.equal(new Set(states).size, 4, states.join(' | '));
    const two = await templatesOf(['ULOG_SUBMIT for node a1 (5.0.0)', 'ULOG_EXECUTE for node a1 (5.0.0)']);
    assertApart(two, [0, 1], 'two shared-prefix names opening the message');
  });

  it('holds on a long file: a shared-prefix enumeration with hundreds of lines per value is still one variable', async () => {
    const kinds = ['DHCPDISCOVER', 'DHCPOFFER', 'DHCPREQUEST', 'DHCPACK'];
    const lines = Array.from({ length: 2000 }, (_, i) => `lease ${kinds[i % 4]} seen on interface br-lan from 02:f6:01:6f:ca:${(i % 90) + 10}`);
    assert.equal(new Set(await templatesOf(lines)).size, 1);
  });

  it('keeps enumeration values without a shared prefix, two names, and lower-case words apart', async () => {
    const states = ['NEW', 'RUNNING', 'KILLED', 'SUCCEEDED'];
    const transitions = Array.from({ length: 40 }, (_, i) => `task attempt_${i} moved to ${states[i % 4]} by the scheduler`);
    assert.equal(new Set(await templatesOf(transitions)).size, 4);
    const two = await templatesOf(['Event: ULOG_SUBMIT for node a1 (5.0.0)', 'Event: ULOG_EXECUTE for node a1 (5.0.0)']);
    assertApart(two, [0, 1], 'two shared-prefix names');
    const drivers = await templatesOf(['usbcore: registered new driver usbhid', 'usbcore: registered new driver hub', 'usbcore: registered new driver usbhid']);
    assertApart(drivers, [0, 1], 'registered new driver usbhid / hub');
    const clients = Array.from({ length: 60 }, (_, i) => `Session: ${30546174 + i}_${3000000000 + i * 7} initialized by client ${i % 2 ? 'UpdateAgent.' : 'SPP.'}`);
    assert.equal(new Set(await templatesOf(clients)).size, 2);
  });

  it("reads the text a statement appends after `: ` as its value (Zabbix's reason, Puppet's server error, dnsmasq's option list)", async () => {
    const zabbix = [
      ...Array.from({ length: 7 }, (_, i) => `  3123:20210208:10101${i}.123 item "host${i}:system.run[ls]" became not supported: Unsupported item key.`),
      ...Array.from({ length: 3 }, (_, i) => `  3123:20210208:10102${i}.456 item "gw${i}:icmpping" became not supported: Cannot send ICMP ping packets to this host.`),
      '  3123:20210208:101031.001 item "db1:pgsql.ping" became not supported: Timeout while executing a shell script.',
      '  3123:20210208:101030.789 Zabbix agent item "system.cpu.load" on host "web1" failed: first network error, wait for 15 seconds',
    ];
    assertOneEvent(await templatesOf(zabbix), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'Zabbix not-supported reasons');
    // Two texts after the same sentence are as likely two statements as one with a value: a small file does not tell,
    // so they stay apart (held-out real logs showed two statements merged by a rule that took two as enough).
    const two = await templatesOf([
      '  3123:20210208:101010.123 item "host1:system.run[ls]" became not supported: Unsupported item key.',
      '  3123:20210208:101020.456 item "gw1:icmpping" became not supported: Cannot send ICMP ping packets to this host.',
      '  3123:20210208:101030.789 Zabbix agent item "system.cpu.load" on host "web1" failed: first network error, wait for 15 seconds',
    ]);
    assertApart(two, [0, 1], 'two texts only');
    const puppet = [
      'Error: Could not retrieve catalog from remote server: Error 500 on SERVER: Duplicate declaration: ...',
      "Error: Could not retrieve catalog from remote server: Error 500 on SERVER: Server Error: no parameter named 'port' (file: /etc/puppet/x.pp, line: 3) on node web1",
      "Error: Could not retrieve catalog from remote server: Error 400 on SERVER: Server Error: Could not find resource 'Package[nginx]' for relationship on node web2",
      'Notice: Applied catalog in 3.21 seconds',
    ];
    assertOneEvent(await templatesOf(puppet), [0, 1, 2], "Puppet's server errors");
    const dnsmasq = [
      'dnsmasq-dhcp[1105]: 2721026064 requested options: 1:netmask, 28:broadcast, 2:time-offset, 3:router, ',
      'dnsmasq-dhcp[1105]: 2721026064 requested options: 15:domain-name, 6:dns-server, 119:domain-search, ',
      'dnsmasq-dhcp[1105]: 2721026064 requested options: 12:hostname, 44:netbios-ns, 47:netbios-scope, ',
      'dnsmasq-dhcp[1105]: 2721026064 requested options: 249, 33:static-route, 252, 17:root-path',
      'dnsmasq-dhcp[1105]: 2721026064 next server: 192.168.0.1',
    ];
    assertOneEvent(await templatesOf(dnsmasq), [0, 1, 2, 3], "dnsmasq's option lists");
  });

  it('reads a bare label\'s text as a value only where the file shows the label a value\'s (`webroot: <*>` beside `webroot: EnvVars…`)', async () => {
    const webroot = minedAlone([
      'Running from: /usr/share/jenkins/jenkins.war',
      'webroot: EnvVars.masterEnvVars.get("JENKINS_HOME")',
      'webroot: /var/jenkins_home/war',
      'webroot: EnvVars.masterEnvVars.get("JENKINS_HOME")',
      'webroot: /var/jenkins_home/war',
    ]);
    assertOneEvent(webroot, [1, 2, 3, 4], 'webroot');
    const states = minedAlone(['Status: service started', 'Status: service stopped', 'Status: service started', 'Status: service reloaded']);
    assert.equal(new Set(states).size, 3, states.join(' | '));
  });

  it('reads a bracket that a sentence opens and the message closes as one value (an SQL text, a field list)', async () => {
    const zabbix = await templatesOf([
      "12361:20160426:121956.557 query [txnlev:0] [select hostid,status,tls_accept from hosts where host='ipa-test-mule-02.example' and status in (0,1) and flags<>2 and proxy_hostid is null]",
      '12361:20160426:121956.558 query [txnlev:0] [select itemid from items where type=7 and flags<>2 and hostid=10110]',
      '12361:20160426:121956.559 query [txnlev:1] [begin;]',
      '12361:20160426:121956.560 Zabbix agent item "system.cpu.load" on host "web1" failed: first network error, wait for 15 seconds',
    ]);
    assertOneEvent(zabbix, [0, 1, 2], 'SQL in brackets');
    const gluster = await templatesOf([
      '[2023-03-29 10:46:41.473191 +0000] W [MSGID: 114031] [client-rpc-fops_v2.c:712:client4_0_writev_cbk] 0-share-client-2: remote operation failed. [{errno=107}, {error=Transport endpoint is not connected}]',
      '[2023-03-29 10:46:41.473366 +0000] W [MSGID: 114031] [client-rpc-fops_v2.c:925:client4_0_getxattr_cbk] 0-share-client-2: remote operation failed. [{path=/i1b0/images/5}, {gfid=591c4688-0df7-484f-8395-3494fe62a5aa}, {key=glusterfs.get_real_filename:01_foto.jpg}, {errno=107}, {error=Transport endpoint is not connected}]',
      '[2023-03-29 10:46:41.473500 +0000] W [MSGID: 114031] [client-rpc-fops_v2.c:1050:client4_0_lookup_cbk] 0-share-client-2: remote operation failed. [{path=/i1b0}, {errno=2}, {error=No such file or directory}]',
      '[2023-03-29 10:46:42.000000 +0000] I [MSGID: 108031] [afr-common.c:3000:afr_local_discovery_cbk] 0-share-replicate-0: selecting local read_child share-client-2',
    ]);
    assertOneEvent(gluster, [0, 1, 2], 'gf_smsg field lists');
    // Bracketed header columns before the message close before it ends: each statement stays its own.
    const sssd = await templatesOf([
      '(2020-11-06 13:40:21): [be[MYDOMAIN.COM]] [sbus_senders_lookup] (0x2000): Looking for identity of sender [sssd.nss]',
      '(2020-11-06 13:40:21): [be[MYDOMAIN.COM]] [sbus_get_sender_id_send] (0x2000): Not a sysbus message, quit',
      '(2020-11-06 13:40:22): [be[MYDOMAIN.COM]] [dp_get_account_info_handler] (0x0200): Got request for [0x1][BE_REQ_USER][name=bob@mydomain.com]',
      '(2020-11-06 13:40:23): [be[MYDOMAIN.COM]] [sdap_get_ad_version] (0x0100): Setting AD compatibility level to [4]',
    ]);
    assertApart(sssd, [0, 2, 3], 'SSSD after bracketed columns');
  });

  it("reads an empty text after a labelled value as the same statement (Envoy's `stream closed: 13,` / `14, no healthy upstream`)", async () => {
    const lines = [
      ...[13, 14, 13, 13].map((code, i) => `[2020-04-27 10:0${i}:01.001][1][warning][config] [source/common/config/grpc_stream.h:101] gRPC config stream closed: ${code}, `),
      '[2020-04-27 10:05:01.001][1][warning][config] [source/common/config/grpc_stream.h:101] gRPC config stream closed: 14, no healthy upstream',
      '[2020-04-27 10:06:01.001][1][warning][config] [source/common/config/grpc_stream.h:101] gRPC config stream closed: 2, upstream connect error or disconnect/reset before headers',
      '[2020-04-27 10:07:01.001][1][info][main] [source/server/server.cc:500] starting main dispatch loop',
    ];
    assertOneEvent(await templatesOf(lines), [0, 1, 2, 3, 4, 5], 'stream closed, with and without its message');
  });

  it('keeps statements after a context tag, a level label or a bracketed field apart, and texts with many lines each', async () => {
    const dovecot = await templatesOf([
      'Jun 26 16:03:22 box dovecot[163234]: lda(myname)<163234><yU4fds8cvzFDAP>: Error: setegid(privileged) failed: Operation not permitted',
      "Jun 26 16:03:22 box dovecot[163234]: lda(myname)<163234><yU4fds8cvzFDAP>: Error: sieve: msgid=<2025@box.tld>: failed to store into mailbox 'INBOX': BUG: Unknown internal error",
      'Jun 26 16:03:22 box dovecot[163234]: lda(myname)<163234><yU4fds8cvzFDAP>: Error: sieve: Execution of script /var/lib/dovecot/sieve/default.sieve was aborted due to temporary failure',
    ]);
    assertApart(dovecot, [0, 1, 2], 'Dovecot after `Error:`');
    const nova = await templatesOf([
      'INFO nova.compute.claims [None req-c8cd4884 admin admin] [instance: b500a3d8-89b8-45ab-8725-c2420e6d7e98] Attempting claim on node leg-004: memory 2048 MB, disk 20 GB, vcpus 1 CPU',
      'INFO nova.compute.claims [None req-c8cd4884 admin admin] [instance: b500a3d8-89b8-45ab-8725-c2420e6d7e98] Total memory: 32036 MB, used: 512.00 MB',
      'INFO nova.compute.claims [None req-c8cd4884 admin admin] [instance: b500a3d8-89b8-45ab-8725-c2420e6d7e98] memory limit not specified, defaulting to unlimited',
    ]);
    assertApart(nova, [0, 1, 2], 'Nova after `[instance: …]`');
    const synapse = await templatesOf([
      "synapse.storage.databases - INFO - main - [database config 'master']: Checking database server",
      "synapse.storage.databases - INFO - main - [database config 'master']: Preparing for databases ['main', 'state']",
      "synapse.storage.databases - INFO - main - [database config 'master']: prepared",
    ]);
    assertApart(synapse, [0, 1, 2], "Synapse after `[database config '…']:`");
    const counted = await templatesOf(Array.from({ length: 60 }, (_, i) => `connect to backend 10.0.0.${i % 9}:${8000 + i}: ${i % 2 ? 'Connection refused' : 'No route to host'}`));
    assert.equal(new Set(counted).size, 2, 'two reasons, thirty lines each, sort lines into events');
  });

  it("reads the value of a lower-case key glued by a colon as a value (pm2's `name:dd` / `name:app`)", async () => {
    const lines = [0, 1, 2].flatMap((i) => [
      `2020-03-01T10:0${i}:00: PM2 log: Starting execution sequence in -fork mode- for app name:dd id:${i}`,
      `2020-03-01T10:0${i}:01: PM2 log: App name:dd id:${i} online`,
      `2020-03-01T11:0${i}:00: PM2 log: Starting execution sequence in -fork mode- for app name:app id:${i + 3}`,
      `2020-03-01T11:0${i}:01: PM2 log: App name:app id:${i + 3} online`,
    ]);
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [0, 2, 4, 6, 8, 10], 'starting, by app name');
    assertOneEvent(templates, [1, 3, 5, 7, 9, 11], 'online, by app name');
    // A word before a colon that is not a lower-case field name keeps its word: `C:` / `EventType:` name parts.
    const kinds = await templatesOf(Array.from({ length: 30 }, (_, i) => `Processing the event EventType:${i % 2 ? 'CONTAINER_REMOTE_LAUNCH' : 'CONTAINER_REMOTE_CLEANUP'} for container c${i}`));
    assert.equal(new Set(kinds).size, 2);
  });

  it('reads a word that is a value by its form beside a masked member as one more value (`nodename: box.lan`)', async () => {
    const templates = minedAlone(['nodename: box.lan', 'machine: armv7l', 'nodename: 10.1.2.3', 'clock source: unix']);
    assertOneEvent(templates, [0, 2], 'nodename');
    const saving = minedAlone(['Saving job.cache...', 'Saving job.cache...', 'Saving subscriptions.conf...']);
    assertApart(saving, [0, 2], 'a dotted word on more lines than the masked one');
  });

  it('reads a signed count as a number (`(+2 deltas)` as `(+14 deltas)`)', async () => {
    assert.deepEqual(tokenize("['main', 'state']: Existing schema is 88 (+2 deltas)").tokens, tokenize("['main', 'state']: Existing schema is 59 (+14 deltas)").tokens);
    assert.deepEqual(tokenize('offset +2 applied').tokens, ['offset', '<*>', 'applied']);
    assert.deepEqual(tokenize('C++ compiler a+b').tokens, ['C++', 'compiler', 'a+b']);
  });

  it('keeps words that end a sentence with an ellipsis as constants (Frigate: `Starting migrations` / `Starting Frigate...`)', async () => {
    const lines = [
      '[2022-07-07 10:24:22] peewee_migrate                 INFO    : Starting migrations',
      '[2022-07-07 10:24:23] frigate.events                 INFO    : Exiting event processor...',
      '[2022-07-07 10:24:24] startup                        INFO    : Starting Frigate...',
      '[2022-11-14 13:33:43] peewee_migrate                 INFO    : Starting migrations',
      '[2022-11-14 13:33:44] frigate.events                 INFO    : Exiting event cleanup...',
      '[2022-11-14 13:33:45] startup                        INFO    : Starting Frigate...',
      '[2022-11-14 13:33:46] peewee_migrate                 INFO    : Starting migrations',
    ];
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [0, 3, 6], 'Starting migrations');
    assertOneEvent(templates, [2, 5], 'Starting Frigate...');
    assertApart(templates, [1, 4], 'two exiting statements');
    // Made up: many names before the ellipsis, one line each, are one statement's values.
    const loading = await templatesOf(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'theta', 'kappa', 'lambda', 'sigma', 'omega', 'iota'].map((name) => `Loading module ${name}...`));
    assert.equal(new Set(loading).size, 1, loading.join(' | '));
  });

  it("reads a collection printed in its language's literal syntax as one value (Go %#v, Ruby inspect, Python repr)", async () => {
    // Terraform: Go's %#v of the command line, one to three arguments, among the run's other lines.
    const go = await templatesOf([
      '2019/11/13 17:34:26 [INFO] Go runtime version: go1.12.9',
      '2019/11/13 17:34:26 [INFO] CLI args: []string{"/home/user/.asdf/installs/terraform/0.12.9/bin/terraform", "--version"}',
      '2019/11/13 17:34:26 [DEBUG] Attempting to open CLI config file: /home/user/.terraformrc',
      '2019/11/13 17:34:26 [INFO] CLI command args: []string{"version", "--version"}',
      '2019/11/13 17:34:26 [DEBUG] checking for provider in "."',
      '2021/03/12 19:54:54 [INFO] Go runtime version: go1.15.6',
      '2021/03/12 19:54:54 [INFO] CLI args: []string{"/usr/local/bin/terraform", "plan"}',
      '2021/03/12 19:54:54 [DEBUG] Attempting to open CLI config file: /home/odr/.terraformrc',
      '2021/03/12 19:54:54 [INFO] CLI command args: []string{"plan"}',
      '2021/03/12 19:54:54 [DEBUG] checking for provider in "/usr/local/bin"',
      '2022/01/11 17:50:52 [INFO] Go runtime version: go1.17.2',
      '2022/01/11 17:50:52 [INFO] CLI args: []string{"c:\\terraform\\terraform.exe", "plan"}',
      '2022/01/11 17:50:52 [DEBUG] Attempting to open CLI config file: C:\\Users\\me\\AppData\\Roaming\\terraform.rc',
      '2022/01/11 17:50:52 [INFO] CLI command args: []string{"plan"}',
      '2022/01/11 17:50:53 [DEBUG] loaded plugins: map[string]int{"aws":1, "null":2}',
      '2022/01/11 17:50:54 [DEBUG] loaded plugins: map[string]int{"aws":1}',
    ]);
    assertOneEvent(go, [1, 6, 11], 'CLI args');
    assertOneEvent(go, [3, 8, 13], 'CLI command args');
    assertOneEvent(go, [14, 15], 'a Go map');
    // Sidekiq and Logstash: Ruby's Hash#inspect, with different keys (a `}` inside a quoted string does not close it).
    const ruby = await templatesOf([
      'INFO: Booting Sidekiq 4.1.1 with redis options {:url=>"redis://localhost:6379/1", :namespace=>"MyApp_staging"}',
      'INFO: Booting Sidekiq 4.2.3 with redis options {:url=>"redis://[elasticache node endpoint]:6379}", :network_timeout=>5}',
      'INFO: Booting Sidekiq 6.0.4 with redis options {:id=>"Sidekiq-server-PID-81317", :url=>"redis://localhost:6379"}',
      'INFO: Starting pipeline {"id"=>"main", "pipeline.workers"=>2, "pipeline.batch.size"=>125}',
      'INFO: Starting pipeline {:pipeline_id=>"main", "pipeline.workers"=>4}',
      "INFO: applying settings {'retries': 3, 'backoff': 'exponential'}",
      "INFO: applying settings {'retries': 5}",
    ]);
    assertOneEvent(ruby, [0, 1, 2], 'Booting Sidekiq');
    assertOneEvent(ruby, [3, 4], 'Starting pipeline');
    assertOneEvent(ruby, [5, 6], 'a Python dict');
    // Salt (studied batch 4): Python 2's repr writes each key with its unicode prefix, `{u'tgt_type': u'glob', …}`; the
    // same dict as Python 3 writes it is one value, and so is this one.
    const py2 = "Command details {u'tgt_type': u'glob', u'jid': u'20180710145617465049', u'arg': [], u'fun': u'test.ping'}";
    assert.deepEqual(tokenize(py2).tokens, tokenize("Command details {'tgt_type': 'glob', 'jid': '20141204172130720684', 'fun': 'saltutil.find_job'}").tokens);
    assert.deepEqual(tokenize(py2).tokens, ['Command', 'details', '<*>']);
    // A record of fields is still read field by field; a brace that does not end its word is not a literal.
    assert.deepEqual(tokenize('event {action=ACTION_DOWN, x=3}').tokens, ['event', 'action', 'ACTION_DOWN', 'x', '<*>']);
    assert.deepEqual(tokenize('opts {:a=>1} and {b=>2}').tokens, ['opts', '<*>', 'and', '<*>']);
    assert.notDeepEqual(tokenize('got []string{"a"}x here').tokens, ['got', '<*>', 'here']);
  });

  it("reads a value Go printed with %v or %+v (a struct, a pointer to one, a map) as one value", async () => {
    // ExternalDNS (batch 10): `log.Infof("config: %+v", cfg)`, the options struct, whose fields' words differ by run.
    const externalDns = await templatesOf([
      'time="2017-11-19T20:22:57Z" level=info msg="config: &{Master: KubeConfig: Sources:[service ingress] Namespace: Provider:aws Policy:sync}"',
      'time="2017-11-19T20:22:57Z" level=info msg="Connected to cluster at https://10.0.0.1:443"',
      'time="2017-12-01T05:40:36Z" level=info msg="config: &{Master: KubeConfig: Sources:[service ingress] Namespace:default Provider:aws Policy:upsert-only}"',
      'time="2017-12-01T05:40:36Z" level=info msg="Connected to cluster at https://10.0.0.2:443"',
    ]);
    assertOneEvent(externalDns, [0, 2], 'a pointer to a struct');
    // etcd's `published {Name:… ClientURLs:[…]}` (a struct with its field names) and kubelet's map of partitions.
    assert.deepEqual(tokenize('published {Name:etcd-2 ClientURLs:[http://etcd-2:2379]} to cluster 5e12').tokens, ['published', '<*>', 'to', 'cluster', '<*>']);
    assert.deepEqual(tokenize('Filesystem partitions: map[/dev/vda9:{mountpoint:/ major:254 minor:9} /dev/vda3:{mountpoint:/usr major:254}]').tokens, ['Filesystem', 'partitions', '<*>']);
    assert.deepEqual(tokenize('env map[]').tokens, ['env', '<*>']);
    // Not Go's: a `&` between words, a brace after a lower-case word, a map's name, an unclosed struct.
    assert.deepEqual(tokenize('a & b').tokens, ['a', '&', 'b']);
    assert.deepEqual(tokenize('mapping {done} ok').tokens, tokenize('mapping {fine} ok').tokens.map((t) => (t === 'fine' ? 'done' : t)));
    assert.deepEqual(tokenize('mapping function').tokens, ['mapping', 'function']);
    assert.notDeepEqual(tokenize('got &{Name:x here').tokens, ['got', '<*>', 'here']);
    // A message template's placeholder with its format (Serilog's `{Elapsed:000}`) is the statement's own text.
    assert.ok(tokenize('Processed {@Position} in {Elapsed:000} ms').tokens.includes('Elapsed'));
  });

  it('reads a name of several words filled in mid-sentence as one value (OctoPrint `Plugin %s is disabled.`)', async () => {
    const names = ['Anonymous Usage Tracking', 'Software Update', 'Discovery', 'CuraEngine (<= 15.04)', 'Printer Safety Check', 'Announcement Plugin'];
    const lines = names.map((name, i) => `2020-06-01 10:00:0${i},123 - octoprint.plugin.core - INFO - Plugin ${name} is disabled.`);
    lines.push('2020-06-01 10:00:07,000 - octoprint.server - INFO - Starting OctoPrint 1.4.0');
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [0, 1, 2, 3, 4, 5], 'Plugin %s is disabled.');
    // Made up: a device name of one to three words between fixed words.
    const devices = await templatesOf(['Kitchen', 'Living Room Lamp', 'Garage Door', 'Porch', 'Front Door Lock'].map((name, i) => `12:00:0${i} hub: device ${name} went offline after timeout`));
    assert.equal(new Set(devices).size, 1, devices.join(' | '));
    // Overseerr (batch 10): the name comes after a label and before a value the statement appends, so the message ends
    // in a <*>: the statement's own word after the name (`lastScan`) still closes it. Made-up feeds of the same form.
    const feeds = await templatesOf(['Tech News', 'Sports', 'World Politics Daily', 'Music', 'Local Weather'].map((name, i) => `2025-05-02T22:25:0${i}.037Z [info][Feeds]: Refreshing feed: ${name} {"since":174622440${i}038}`));
    assert.equal(new Set(feeds).size, 1, feeds.join(' | '));
    // With no word of its own after the run, a verb's objects followed by a value stay apart (`Starting job controller 7`).
    const started = await templatesOf(['job', 'daemon sets', 'cronjob', 'replica set', 'endpoint slice mirroring'].map((name, i) => `I0101 10:00:0${i}.000000 1 controllermanager.go:1${i}] Starting ${name} controller ${i}ms`));
    assert.equal(new Set(started).size, 5, started.join(' | '));
  });

  it('keeps optional lower-case words and a verb with its object apart (OpenSSH `invalid user`, `Starting job controller`)', async () => {
    const ssh = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `Failed password for invalid user u${i} from 10.0.0.${i} port ${4000 + i} ssh2` : `Failed password for root${i} from 10.0.0.${i} port ${4000 + i} ssh2`));
    const sshTemplates = await templatesOf(ssh);
    assertApart(sshTemplates, [0, 1], 'invalid user');
    const controllers = await templatesOf(['job', 'daemon sets', 'cronjob', 'replica set', 'endpoint slice mirroring'].map((name, i) => `I0101 10:00:0${i}.000000 1 controllermanager.go:1${i}] Starting ${name} controller`));
    assert.equal(new Set(controllers).size, 5, controllers.join(' | '));
  });

  it("keeps each label of a dumped counter its own statement (Pi-hole's `-> Total DNS queries: 5`), not a sentence's value", async () => {
    const labels = ['Total', 'Cached', 'Forwarded', 'Unknown', 'Blocked'];
    const lines = [0, 1].flatMap((run) => [`[2018-05-0${run + 1} 10:00:00.000] Imported ${120 + run} queries from the long-term database`, ...labels.map((label, i) => `[2018-05-0${run + 1} 10:00:00.00${i}]  -> ${label} DNS queries: ${run * 7 + i}`)]);
    const templates = await templatesOf(lines);
    assertApart(templates, [1, 2, 3, 4, 5], 'each counter label');
    labels.forEach((_, i) => assertOneEvent(templates, [1 + i, 7 + i], `label ${labels[i]}`));
    // A word before a colon in a sentence is its value: camera names, one line each, are one statement.
    const cameras = await templatesOf(['woodshop', 'right_backyard', 'covered_patio', 'garage', 'driveway_right', 'main_door'].map((name, i) => `[2022-07-07 10:24:2${i}] frigate.app  INFO    : Camera processor started for ${name}: ${225 + i}`));
    assert.equal(new Set(cameras).size, 1, cameras.join(' | '));
  });

  it("reads a Windows path with spaces written with forward slashes as one value (Mumble's `C:/Program Files/…`)", () => {
    const unix = tokenize('Initializing settings from /etc/mumble-server.ini (basepath /etc)').tokens;
    assert.deepEqual(tokenize('Initializing settings from C:/Program Files/Mumble/server/murmur.ini (basepath C:/Program Files/Mumble/server)').tokens, unix);
    assert.deepEqual(tokenize('opened C:/Users/me/My Documents/report.txt now').tokens, ['opened', '<*>', 'now']);
    // Backslashes as before, a folder in brackets included; text in brackets after the path is not part of it.
    assert.deepEqual(tokenize('opened C:\\Program Files (x86)\\App\\a.exe now').tokens, ['opened', '<*>', 'now']);
    assert.deepEqual(tokenize('file C:/Users/me/My Documents/x.txt (deleted)').tokens, ['file', '<*>', 'deleted']);
  });

  it("reads words after a label that fill the same place in three statements as values (Telegraf's output names)", async () => {
    const lines = [
      '2017-11-14T10:10:40Z D! Attempting connection to output: socket_writer',
      '2017-11-14T10:10:40Z D! Successfully connected to output: socket_writer',
      '2017-11-14T10:10:40Z I! Loaded outputs: socket_writer',
      '2017-11-14T10:10:40Z I! Loaded inputs: inputs.exec',
      '2019-03-12T09:14:05Z I! Loaded outputs: influxdb',
      '2019-03-12T09:14:05Z D! Attempting connection to output: influxdb',
      '2019-03-12T09:14:05Z D! Successfully connected to output: influxdb',
      '2019-03-12T09:14:20Z D! wrote batch of 57 metrics in 15.195224ms',
      // Made up: a third statement given the same names.
      '2019-03-12T09:15:00Z D! Closing connection to output: socket_writer',
      '2019-03-12T09:15:00Z D! Closing connection to output: influxdb',
    ];
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [0, 5], 'Attempting connection');
    assertOneEvent(templates, [1, 6], 'Successfully connected');
    assertOneEvent(templates, [8, 9], 'Closing connection');
    // The mirror: one statement with two words names two events (the usbhid / hub). After a label's `: ` two
    // words are the label's values (merge24: the merge-rules test), so only the sentence is kept apart here.
    const drivers = await templatesOf([
      'Jul 27 14:41:58 combo kernel: usbcore: registered new driver usbfs',
      'Jul 27 14:41:58 combo kernel: usbcore: registered new driver hub',
      'Jul 27 14:42:00 combo kernel: Freeing unused kernel memory: 144k freed',
    ]);
    assertApart(drivers, [0, 1], 'registered new driver');
  });

  it("reads JSON serialized into a sentence and an empty collection as one value (Traefik's providers), not a header's empty column", async () => {
    const lines = [
      'time="2020-04-05T00:26:12+02:00" level=info msg="Starting provider aggregator.ProviderAggregator {}"',
      'time="2020-04-05T00:26:12+02:00" level=info msg="Starting provider *file.Provider {\\"directory\\":\\"/Users/me/.config/traefik.d/\\",\\"watch\\":true}"',
      'time="2020-04-05T00:26:12+02:00" level=info msg="Starting provider *docker.Provider {\\"watch\\":true,\\"endpoint\\":\\"unix:///var/run/docker.sock\\"}"',
      'time="2020-04-05T00:26:12+02:00" level=info msg="Starting provider *traefik.Provider {}"',
      'time="2020-04-05T00:26:13+02:00" level=info msg="Configuration loaded from flags."',
    ];
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [0, 1, 2, 3], 'Starting provider');
    assert.deepEqual(tokenize('got [] items').tokens, ['got', '<*>', 'items']);
    // At the message's start `{}` is a column left empty (ClickHouse's query id), kept as a word.
    assert.notEqual(tokenize('{} <Information> Application: Loading metadata.').tokens[0], '<*>');
  });

  it("reads three or more CamelCase kinds with a shared start as one variable (Kubelet's node conditions)", async () => {
    const lines = ['NodeHasSufficientDisk', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure'].map((kind, i) => `I0105 10:00:0${i}.000000 1234 kubelet_node_status.go:377] Recording ${kind} event message for node ip-10-0-0-${i}`);
    lines.push('I0105 10:00:09.000000 1234 kubelet.go:1200] Started kubelet');
    assertOneEvent(await templatesOf(lines), [0, 1, 2], 'Recording %s event message');
    // Two CamelCase names are as often two events.
    const two = await templatesOf(['HostMetadataUpdate', 'HostEndpointUpdate'].map((kind, i) => `10:00:0${i} felix: applied ${kind} to dataplane`));
    assertApart(two, [0, 1], 'two kinds');
  });

  it("reads a word in angle brackets or after a label's `: ` at the end as a value once it takes three values (ActiveMQ Artemis, Coturn)", async () => {
    const artemis = ['artemis-server CORE', 'artemis-amqp-protocol AMQP', 'artemis-hornetq-protocol HORNETQ'].map((pair, i) => {
      const [module, protocol] = pair.split(' ');
      return `2018-06-08 13:21:34,70${i} INFO  [org.apache.activemq.artemis.core.server] AMQ221043: Protocol module found: [${module}]. Adding protocol support for: ${protocol}`;
    });
    artemis.push('2018-06-08 13:21:35,001 INFO  [org.apache.activemq.artemis.core.server] AMQ221007: Server is now live');
    assertOneEvent(await templatesOf(artemis), [0, 1, 2], 'Protocol module found');
    // merge24: two words after a label are the label's values too (see the merge-rules test), but two that each hold
    // many lines still sort lines into events, as two values of a key do.
    const many: string[] = [];
    for (let i = 0; i < 12; i++) many.push(`10:00:${String(i).padStart(2, '0')} updater: checking for updates: done`, `10:01:${String(i).padStart(2, '0')} updater: checking for updates: failed`);
    const two = await templatesOf([...many, '10:03:00 updater: started']);
    assertApart(two, [0, 1], 'checking for updates: done / failed, on many lines each');
    // Angle brackets: three names given to one statement are values; two stay apart.
    const users = ['alice', 'bob', 'carol'].map((user, i) => `10:00:0${i} session 00${i}: quota exceeded for user <${user}> on volume data`);
    assertOneEvent(await templatesOf([...users, '10:00:09 session 009: started']), [0, 1, 2], 'user <%s>');
    const roles = await templatesOf(['10:00:01 assigned role <admin> to the account', '10:00:02 assigned role <viewer> to the account', '10:00:03 account loaded']);
    assertApart(roles, [0, 1], 'role <admin> / <viewer>');
    // After a code name (a tracing target, a module path) the one word is the event itself, a span's lifecycle:
    // `new`, `enter`, `exit` are three statements however many of them the file shows (Rust tracing's span events).
    const events = ['new', 'enter', 'exit', 'enter', 'exit'];
    const spans = await templatesOf([
      ...events.map((event, i) => `[   12.00000${i}s]  INFO ThreadId(03) inbound:conn{client.addr=10.0.0.${i}:4000}: queue_core::runner: ${event}`),
      '[   12.100000s]  INFO ThreadId(03) queue_core: listening on 0.0.0.0:4143',
      '[   12.200000s]  WARN ThreadId(04) queue_core::admin: slow response after 1200ms',
    ]);
    assertApart(spans, [0, 1, 2], 'queue_core::runner: new / enter / exit');
  });

  it('reads three or more first words shaped as values as one variable (ClamAV `main.cvd database is up-to-date`)', async () => {
    const lines = ['daily.cld', 'main.cvd', 'bytecode.cld', 'daily.cvd', 'main.cvd'].map((file, i) => `Mon Jul 28 14:10:4${i} 2025 -> ${file} database is up-to-date (version: 2771${i}, sigs: 20867${i}, f-level: 90, builder: raynman)`);
    lines.push('Mon Jul 28 14:11:00 2025 -> ClamAV update process started at Mon Jul 28 14:11:00 2025');
    assertOneEvent(await templatesOf(lines), [0, 1, 2, 3, 4], 'database is up-to-date');
    // Two first words with digits are as often two statements (Zabbix's `SSH2 support:` / `IPv6 support:`), keys
    // before `=` name their settings, and a symbol with `_` is a function's name: all stay apart.
    const two = minedAlone(['daily.cvd updated (version: 27713)', 'main.cvd updated (version: 62)']);
    assertApart(two, [0, 1], 'two files');
    const keys = minedAlone(['zookeeper.flushDelay=0', 'zookeeper.maxWriteQueuePollTime=0', 'zookeeper.maxBatchSize=1000']);
    assertApart(keys, [0, 1, 2], 'zookeeper.%s=');
    const calls = minedAlone(['w32_fcntl fd:3', 'w32_bind fd:4', 'w32_listen fd:5']);
    assertApart(calls, [0, 1, 2], 'w32_%s fd:');
    // Dotted event names under one namespace are the program's own names, each an event (`payment.charge.failed` is
    // not a value of `payment.charge.succeeded`), with or without levels to tell them apart.
    const events = minedAlone(['auth.login.failed user=bob', 'auth.login.succeeded user=bob', 'auth.logout user=bob', 'auth.login.failed user=amy']);
    assertApart(events, [0, 1, 2], 'auth.%s user=');
  });

  it('keeps words apart whose lines keep to different levels: one print statement has one level', async () => {
    const at = (i: number): string => `2026-12-01T05:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) {
      const [level, event] = i % 9 === 4 ? ['ERROR', 'payment.charge.failed'] : i % 5 === 2 ? ['INFO', 'payment.refund.issued'] : ['INFO', 'payment.charge.succeeded'];
      lines.push(`${at(i)} ${level} ${event} for order ${1000 + i}`);
      const [checkLevel, status] = i % 9 === 4 ? ['ERROR', 'failed'] : i % 7 === 3 ? ['WARN', 'degraded'] : ['INFO', 'passed'];
      lines.push(`${at(i)} ${checkLevel} Health check of database: ${status}`);
    }
    const templates = await templatesOf(lines);
    const charged = lines.findIndex((l) => l.includes('charge.succeeded'));
    const failed = lines.findIndex((l) => l.includes('charge.failed'));
    const refund = lines.findIndex((l) => l.includes('refund.issued'));
    assertApart(templates, [charged, failed, refund], 'payment.* for order');
    const passed = lines.findIndex((l) => l.endsWith('passed'));
    const degraded = lines.findIndex((l) => l.endsWith('degraded'));
    const down = lines.findIndex((l) => l.endsWith('failed') && l.includes('Health'));
    assertApart(templates, [passed, degraded, down], 'Health check of database: <status>');
    // The same place filled by three words at one level is still a value (ActiveMQ's protocols, above).
    const hosts = await templatesOf(['db1', 'db2', 'cache'].map((host, i) => `${at(i)} INFO Health check of host: ${host}`).concat(`${at(9)} INFO started`));
    assertOneEvent(hosts, [0, 1, 2], 'Health check of host: <*>');
  });

  it("reads a first word shaped as a value and the text after a label varying at once as one statement (Plausible's DBConnection)", async () => {
    const lines = [
      'Clickhousex.Protocol (#PID<0.245.0>) failed to connect: ** (ErlangError) Erlang error: :econnrefused',
      'Clickhousex.Protocol (#PID<0.244.0>) failed to connect: ** (ErlangError) Erlang error: :econnrefused',
      'Postgrex.Protocol (#PID<0.164.0>) failed to connect: ** (Postgrex.Error) FATAL 28000 (invalid_authorization_specification) no pg_hba.conf entry for host "103.198.165.143", user "postgres", database "analytics"',
      'Postgrex.Protocol (#PID<0.163.0>) failed to connect: ** (Postgrex.Error) FATAL 28P01 (invalid_password) password authentication failed for user "postgres"',
      "Ch.Connection (#PID<0.172.0>) failed to connect: ** (Ch.Error) Code: 81. DB::Exception: Database plausible_events_db doesn't exist. (UNKNOWN_DATABASE)",
      'Migrations successful!',
    ];
    // Bare messages, mined alone: in a file this small a header reader may take the driver's name for a column.
    assertOneEvent(minedAlone(lines), [0, 1, 2, 3, 4], 'failed to connect');
    // Two first words are as often two statements: each keeps its own texts.
    const two = minedAlone(['main.cvd check failed: bad signature', 'main.cvd check failed: file truncated', 'daily.cld check failed: bad header', 'update done']);
    assertApart(two, [0, 2], 'main.cvd / daily.cld');
  });
  it('keeps apart first words that open the same few frames: verbs over names and names over verbs look alike', () => {
    // break10: four verbs over two services merged into `<*> nginx service` when first words that open the same frames
    // were read as names (BitcoinCore's `%s thread start` / `%s thread exit` has the same shape, five names over two
    // verbs): the structure cannot tell which is the statement's word, so both stay apart.
    const grid = minedAlone(['Starting nginx service', 'Stopping nginx service', 'Restarting nginx service', 'Reloading nginx service', 'Starting mysql service', 'Stopping mysql service', 'Restarting mysql service', 'Reloading mysql service']);
    assertApart(grid, [0, 1, 2, 3], 'verbs of nginx service');
    const containers = minedAlone(['Created container web', 'Started container web', 'Killing container web', 'Stopped container web', 'Restarting container web', 'Created container db', 'Started container db', 'Killing container db']);
    assertApart(containers, [0, 1, 2, 3, 4], 'verbs of container web');
  });

  it("reads free text of several words inside a long repeated sentence as one value (Kavita's `Skipped File Scan for <path> as …`)", () => {
    const titles = ['Art of Computer Programming', 'Parker Pyne Mysteries', "Five Nights at Freddy's - Fazbear Frights Series", 'Who Moved My Cheese - Johnson', 'How To Talk To Anyone - 92 Little Tricks For Big Success In Relationships'];
    const lines = titles.map((title) => `[ScannerService] Skipped File Scan for /data/!Hard links!/Books/${title} as it hasn't changed since last scan`);
    lines.push('[ScannerService] Finished file scan in 77 milliseconds. Updating database');
    assertOneEvent(minedAlone(lines), [0, 1, 2, 3, 4], 'Skipped File Scan for');
    // Two texts are as often two statements as one with a value, and stay apart.
    const two = minedAlone(lines.slice(0, 2).concat(lines[5]));
    assertApart(two, [0, 1], 'two texts');
    // A verb and its object around names of several words (a frame of two words) are the program's own statements.
    const short = minedAlone(['Starting job controller', 'Starting daemon sets controller', 'Starting persistent volume binder controller', 'Starting garbage collector controller']);
    assertApart(short, [0, 1, 2], 'Starting %s controller');
    // Three texts that each hold many lines sort lines into events, as three words at one place do.
    const many: string[] = [];
    for (let i = 0; i < 30; i++) many.push(`Replica set reported that the primary node ${['is not reachable', 'has stepped down now', 'was elected again'][i % 3]} during the last health round`);
    assertApart(minedAlone(many), [0, 1, 2], 'three texts with ten lines each');
    // Wordings that share a word at an end are the program's own statements around a value (PHP-FPM's exits).
    const exits = minedAlone([
      '[pool www] child 10 exited with code 11 after 48.040603 seconds from start',
      '[pool www] child 27 exited on signal 11 after 3.000102 seconds from start',
      '[pool www] child 31 exited on signal 11 (SIGSEGV - core dumped) after 2.437823 seconds from start',
      '[pool www] child 12 exited with code 11 after 241.452617 seconds from start',
    ]);
    assertApart(exits, [0, 1, 2], 'exited with code / on signal');
    // Outcomes written in plain words inside one long sentence are the program's statements (break10).
    const outcomes = minedAlone(['completed successfully', 'failed with disk errors', 'was cancelled by the operator'].flatMap((outcome) => [1, 2].map(() => `The nightly backup job ${outcome} so the report was mailed to admins`)));
    assertApart(outcomes, [0, 2, 4], 'completed / failed / cancelled');
  });
  it("reads a word in square brackets glued to a name as its value, as in parentheses (SonarQube's `Process[web] is stopped`)", () => {
    const templates = minedAlone(['Process[web] is stopped', 'Process[es] is stopped', 'Process exited with exit value [es]: 143']);
    assertOneEvent(templates, [0, 1], 'Process[<*>] is stopped');
    // Two values that each hold many lines sort lines into events, as two keyed values do.
    const many: string[] = [];
    for (let i = 0; i < 24; i++) many.push(`queue[${i % 2 ? 'inbound' : 'outbound'}] is draining`);
    assertApart(minedAlone(many), [0, 1], 'queue[inbound] / queue[outbound]');
  });
  it("reads three names that several statements were given as one variable (Trino's plugins, Loghub Linux's PAM users)", () => {
    const plugins = ['tpcds', 'tpch', 'vertica'];
    const lines = plugins.flatMap((name) => [`-- Loading plugin ${name} --`, `Registering connector ${name}`, `-- Finished loading plugin ${name} --`]);
    lines.push('-- Loading catalog jmx --');
    const templates = minedAlone(lines);
    assertOneEvent(templates, [1, 4, 7], 'Registering connector <*>');
    assertOneEvent(templates, [2, 5, 8], 'Finished loading plugin <*>');
    // Many lines per name do not make the names a program's own words once other statements share them.
    const pam: string[] = [];
    for (let i = 0; i < 40; i++) for (const user of ['cyrus', 'news', 'test']) pam.push(`session opened for user ${user} by (uid=0)`, `session closed for user ${user}`);
    assertOneEvent(minedAlone(pam), pam.flatMap((line, i) => (line.includes('opened') ? [i] : [])), 'session opened for user <*>');
    // A grid of a program's states over two names: each state fills both names' frames, as shared as the names are.
    const grid = minedAlone(['Port uplink link up', 'Port uplink link down', 'Port uplink link flapping', 'Port trunk link up', 'Port trunk link down', 'Port trunk link flapping']);
    assertApart(grid, [0, 1, 2], 'uplink link up / down / flapping');
    // Two names shared by two statements are as often two statements' own words.
    const two = minedAlone(['Registering connector tpch', 'Registering connector tpcds', 'Installed connector tpch', 'Installed connector tpcds']);
    assertApart(two, [0, 1], 'two names');
  });
  it("reads names that open one statement and fill another mid-sentence as one variable in both (ArangoDB's `<role> not ready after 5min!`)", () => {
    // arangodb's starter prints `Starting %s on port %d` and `%s not ready after 5min!` for each server role.
    const roles = ['agent', 'dbserver', 'coordinator'];
    const lines = [...roles.flatMap((role, i) => [`Starting ${role} on port ${8531 + i}`, `Starting ${role} on port ${8541 + i}`]), ...roles.map((role) => `${role} not ready after 5min!`), 'Waiting for cluster to be ready'];
    const templates = minedAlone(lines);
    assertOneEvent(templates, [0, 1, 2, 3, 4, 5], 'Starting <*> on port <*>');
    assertOneEvent(templates, [6, 7, 8], '<*> not ready after 5min!');
    // The neighbour: the same statement once behind a lead its header left in the message (`<time> AM - DHT support
    // [ON]`) is one statement, not a second one the names passed through; its settings stay apart.
    const settings = ['Encryption', 'PeX', 'Tracker'];
    const led = minedAlone([...settings.map((name) => `${name} support [ON]`), ...settings.map((name) => `11:54 AM - ${name} support [ON]`)]);
    assertApart(led, [0, 1, 2], 'Encryption / PeX / Tracker support');
    // Two names over two statements are as often the statements' own words; names that open one statement only are its
    // own (the first word names the event); a grid of frames of one shape stays apart (above: verbs over names).
    const daemons = minedAlone(['syslogd startup succeeded', 'klogd startup succeeded', 'syslogd shutdown succeeded', 'klogd shutdown succeeded', 'Starting syslogd on tty0', 'Starting klogd on tty1']);
    assertApart(daemons, [0, 1], 'syslogd / klogd');
    const alone = minedAlone(['usbhid driver registered', 'hub driver registered', 'usb-storage driver registered', 'cdc_acm driver registered']);
    assertApart(alone, [0, 1, 2, 3], 'names that open one statement only');
  });
  it("reads an enumeration's values that statements of other shapes were given as one variable (FreeSWITCH's `State HANGUP` / `State HANGUP going to sleep`)", () => {
    // switch_core_state_machine.c prints the state it enters and the state it leaves, each for every state: the states
    // fill both statements, so they are what the statements were given (a state seen in one of them only is one more).
    const enter = ['INIT', 'HANGUP', 'REPORTING', 'DESTROY'].map((state) => `State ${state}`);
    const sleep = ['EXCHANGE_MEDIA', 'HANGUP', 'REPORTING', 'DESTROY'].map((state) => `State ${state} going to sleep`);
    const templates = minedAlone([...enter, ...sleep, 'Close Channel sofia/internal/519']);
    assertOneEvent(templates, [0, 1, 2, 3], 'State <*>');
    assertOneEvent(templates, [4, 5, 6, 7], 'State <*> going to sleep');
    // The neighbours: states over two ports of one shape are a grid (each state may be the statement's own), and states
    // that one statement alone shows stay the statement's own words, as UPPER_CASE words do.
    const grid = minedAlone(['uplink', 'trunk'].flatMap((port) => ['UP', 'DOWN', 'FLAPPING', 'TESTING'].map((state) => `Port ${port} link ${state}`)));
    assertApart(grid, [0, 1, 2, 3], 'UP / DOWN / FLAPPING / TESTING');
    const one = minedAlone(['QUEUED', 'RUNNING', 'DONE'].map((state) => `Job entered state ${state}`));
    assertApart(one, [0, 1, 2], 'QUEUED / RUNNING / DONE in one statement');
  });
});

// Statements that differ in one constant word, and label-value lines (issue 13, realx9-report kinds 4 and 5): where the
// words that differ name the statement, the listing keeps them apart; where they are a value, it merges them.
describe('log intelligence: constant words that name a statement, and label-value lines', () => {
  it("keeps a verb's short objects apart after a logger's name (ScyllaDB's `init - creating tracing` / `creating snitch`)", async () => {
    // scylla's main.cc prints each start-up step with its own call (`startlog.info("creating tracing")`, `…("creating
    // snitch")`, `…("starting tokens manager")`, `…("determining DNS name")`): behind `[shard N] init - ` only the
    // verb is left before the words that differ, so they are the statements' own words, not a name filled in.
    const head = 'Jun 13 03:39:58 longevity-db-node-3f83cc53-2 scylla[87332]:  [shard 0] ';
    const lines = [
      `${head}init - starting tokens manager`,
      `${head}init - creating tracing`,
      `${head}init - creating snitch`,
      `${head}init - determining DNS name`,
      `${head}database - Setting compaction strategy of system.peers to SizeTieredCompactionStrategy`,
      `${head}database - Setting compaction strategy of system.local to SizeTieredCompactionStrategy`,
    ];
    const templates = await templatesOf(lines);
    assertApart(templates, [0, 1, 2, 3], 'init steps');
    // The neighbour: etcd's rafthttp names the stream it opened (`(stream %s %s)`: `Message reader`, `MsgApp v2
    // writer`) after a long phrase of its own, and the stream's names of one and two words are one value.
    const etcd = ['Message reader', 'MsgApp v2 reader', 'Message writer', 'MsgApp v2 writer', 'Message reader'].map((stream, i) => `2016-10-26 20:03:11.60552${i} I | rafthttp: established a TCP streaming connection with peer 87575c769a05665a (stream ${stream})`);
    assertOneEvent(await templatesOf([...etcd, '2016-10-26 20:03:12.000000 I | rafthttp: peer 87575c769a05665a became active']), [0, 1, 2, 3, 4], 'stream names');
  });

  it("reads what follows each label of a `label: value, label: value` record as its value (Emby's `networkInterface: Ethernet wlan0, Speed: …`)", async () => {
    // Emby's NetworkManager prints each interface with one call (`networkInterface: {0} {1}, Speed: {2}, Description:
    // {3}`); the interface type is a word on one line and a number on another, and stays one statement.
    const head = '2024-07-25 02:36:04.638 Info NetworkManager: ';
    const lines = [
      `${head}networkInterface: Ethernet wlan0, Speed: 1000000, Description: wlan0`,
      `${head}GatewayAddresses: `,
      `${head}UnicastAddresses: fe80::4571:987c:ecbb:9398%31,192.168.1.101`,
      `${head}networkInterface: Ethernet dummy0, Speed: 1000000, Description: dummy0`,
      `${head}UnicastAddresses: fe80::7071:62ff:fe38:c07e%2`,
      `${head}networkInterface: 0 tun0, Speed: 1000000, Description: tun0`,
      `${head}Detecting local network addresses`,
    ];
    const templates = await templatesOf(lines);
    assertOneEvent(templates, [0, 3, 5], 'networkInterface records');
    // The neighbours: records with other labels are other statements, and a label before a sentence of several words
    // (`state: link is down now, port: 1`) gives no slots: its words may be the statement's own.
    const labels = ['status: Ethernet wlan0', 'networkInterface: Ethernet eth0', 'networkInterface: 0 tun0'].map((first) => `${first}, Speed: 1000000, Description: ${first.split(' ').pop()}`);
    const sentences = ['link is down now, port: 1', 'link came up again, port: 2'].map((text) => `state: ${text}`);
    const other = await templatesOf([...labels, ...sentences].map((message) => head + message));
    assertOneEvent(other, [1, 2], 'networkInterface records');
    assertApart(other, [0, 1, 3, 4], 'other labels and sentences');
  });

  it("keeps a label's value apart from the same label followed by another field (Libvirt's `libvirt version: %s` / `…, package: %s`)", async () => {
    // libvirt's virLogVMMVersion prints `libvirt version: %s, package: %s` when it knows the package and `libvirt
    // version: %s` when not: two calls. A value after a label does not go on with a label of its own.
    const version = (pid: number, text: string) => `2015-06-02 02:07:52.095+0000: ${pid}: info : libvirt version: ${text}`;
    const lines = [
      version(30612, '1.2.2'),
      '2015-06-01 10:39:11.946+0000: 30612: warning : virSecurityManagerNew:179 : Configured security driver "none" disables default policy to create confined guests',
      version(12842, '1.2.2'),
      version(14139, '1.2.3'),
      version(12056, '6.0.0, package: 0ubuntu8.15 (Christian Ehrhardt <christian.ehrhardt@canonical.com> Thu, 18 Nov 2021 10:23:11 +0100)'),
      '2022-02-24 09:02:29.814+0000: 12056: info : hostname: LAPTOP-LJCBFINI',
    ];
    assertOneEvent(await templatesOf(lines), [0, 2, 3], 'libvirt version');
    // The neighbour: texts after the label that go on without a field of their own are its values, masked or not.
    const texts = ['Input/output error', '42', 'Connection reset by peer'];
    const errors = texts.map((text, i) => `2015-06-01 10:39:1${i}.801+0000: 1185: error : virNetSocketReadWire:1523 : End of file while reading data: ${text}`);
    assertOneEvent(await templatesOf([...errors, lines[0]]), [0, 1, 2], 'End of file while reading data');
  });

  // mining31: batch 27's Nearcore prints `Version: %s, Build: %s` and, in later releases, `…, Latest Protocol: %s`: a
  // field named by two words was read as more text of the build's value, and the two calls merged.
  it('keeps a label\'s value apart from the same label followed by a field named by a few words (`…, Latest Protocol: 38`)', () => {
    const other = ['Starting scheduler on core 0', 'Loaded 12 plugins', 'Done'];
    const lines = ['Version: 0.4.13, Build: 38d54ba7-modified', 'Version: 0.4.13, Build: aac14605', 'Version: 1.15.0-rc.1, Build: 0bd08ece-modified, Latest Protocol: 38', 'Version: 1.15.0-rc.1, Build: 0bd08ece-modified, Latest Protocol: 38'];
    const templates = minedAlone([...other, ...lines]);
    assertOneEvent(templates, [3, 4], 'version and build');
    assertOneEvent(templates, [5, 6], 'with the protocol');
    // The neighbour: an error text after the label whose later words hold no `: ` stays the label's value.
    const errors = ['fetch failed: timeout, giving up now', 'fetch failed: refused, retry in a while', 'fetch failed: 502, bad gateway'];
    assertOneEvent(minedAlone([...other, ...errors]), [3, 4, 5], 'error texts');
  });

  // break14: `status: ok, reason: none` (INFO) and `status: failed, reason: oom` (ERROR) became one template whose
  // examples all showed `ok`: the failures vanished from log_patterns. The value slots of a record, a key=value field or
  // a quote are the statement's own words where their lines keep to different levels.
  it("a run of words ending a message is no name where the lines keep to different levels (dhcpcd's `probing for an IPv4LL address` / `probing for <address>`)", () => {
    // Real lines (test/fixtures/real-excerpts Dhcpcd): ipv4ll.c logs the first at info, arp.c the second at debug.
    const miner = new TemplateMiner();
    const wording = miner.add('wlp4s0: probing for an IPv4LL address', { level: 'INFO' });
    const address = miner.add('wlp4s0: probing for 169.254.69.177', { level: 'DEBUG' });
    miner.add('wlp4s0: probing for 169.254.12.3', { level: 'DEBUG' });
    assert.notEqual(miner.finalId(wording), miner.finalId(address), miner.templates().map((t) => t.template).join(' / '));
    // Names of several words at one level stay one statement (systemd's `Reached target %s.`).
    const targets = new TemplateMiner();
    const ids = ['Sockets.', 'Basic System.', 'Local File Systems.', 'Timers.'].map((name) => targets.add(`Reached target ${name}`, { level: 'INFO' }));
    assert.equal(new Set(ids.map((id) => targets.finalId(id))).size, 1, targets.templates().map((t) => t.template).join(' / '));
  });
  // rev27a/fix27: `Sync error: %s, retrying` and `Sync error: %s, giving up` became one template shown as `Sync error:
  // <*>,`: the run after the label was one <*>, closing wording and all, so a reader saw neither what was done next nor
  // that two statements were there.
  it('keeps the wording a run of words closes with after a `, ` when the file shows it recurring (`Sync error: <*>, retrying` / `…, giving up`)', () => {
    // Made-up lines of the kind (rev27a's probe): five errors retried, one given up.
    const errors = ['remote closed', 'timeout', 'refused', 'dns failure', 'reset'];
    const templates = minedAlone([...errors.map((error) => `Sync error: ${error}, retrying`), 'Sync error: timeout, giving up']);
    assertOneEvent(templates, [0, 1, 2, 3, 4], 'retried');
    assert.equal(templates[0], 'Sync error: <*>, retrying');
    assert.equal(templates[5], 'Sync error: timeout, giving up');
    // One closing wording only: the template still says it.
    assert.equal(minedAlone(errors.map((error) => `Sync error: ${error}, retrying`))[0], 'Sync error: <*>, retrying');
    // The neighbour: an error's text that holds a comma, its closing words repeated by no other line, is one value.
    const texts = ['timeout', 'connection reset', 'refused', 'dns failure', 'disk full, retrying', 'reset, errno'];
    assertOneEvent(minedAlone(texts.map((text) => `Sync error: ${text}`)), [0, 1, 2, 3, 4, 5], 'error texts');
  });
  // rev27a/fix27: `Check disk sda (PASSED)`, `… (FAILED)` and a bare `Check disk sdd` became one `Check disk <*>`: the run
  // after `Check disk` was one name, the result in parentheses and all, so the failures could not be told from passes.
  it('keeps a result in capitals that closes a run in parentheses when the file shows it recurring (`Check disk <*> (PASSED)`)', () => {
    // rev27a's made-up file: too few lines for the names to show varying on their own, so what a line keeps is the test.
    const disks = ['sda (PASSED)', 'sdb (FAILED)', 'sdc (PASSED)', 'sdd', 'sde'];
    const templates = minedAlone(disks.map((disk) => `Check disk ${disk}`));
    for (const [i, result] of [[0, '(PASSED)'], [1, '(FAILED)'], [2, '(PASSED)']] as const) assert.ok(templates[i].endsWith(result), `line ${i + 1}: ${templates[i]}`);
    for (const i of [3, 4]) assert.ok(!templates[i].includes('('), `line ${i + 1}: ${templates[i]}`);
    // More lines: the passes are one event, the name masked.
    const more = minedAlone([...disks, 'sdf (PASSED)', 'sdg (FAILED)', 'sdh (PASSED)', 'sdi'].map((disk) => `Check disk ${disk}`));
    assertOneEvent(more, [0, 2, 5, 7], 'passed');
    assert.equal(more[0], 'Check disk <*> (PASSED)');
    // The neighbour: an annotation of values (a size) is still left out.
    assert.equal(new Set(minedAlone(['Freed block 0x10 (4 KiB)', 'Freed block 0x20 (8 KiB)', 'Freed block 0x30', 'Freed block 0x40'])).size, 1);
  });
  it('value slots whose lines keep to different levels are not merged', () => {
    const miner = new TemplateMiner();
    const ok = Array.from({ length: 12 }, (_, i) => miner.add(`job ${i}: status: ok, reason: none`, { level: 'INFO' }));
    const failed = ['timeout', 'oom', 'timeout', 'oom'].map((reason, i) => miner.add(`job ${20 + i}: status: failed, reason: ${reason}`, { level: 'ERROR' }));
    const okIds = new Set(ok.map((id) => miner.finalId(id)));
    for (const id of failed) assert.ok(!okIds.has(miner.finalId(id)), miner.templates().map((t) => t.template).join(' / '));
    const fields = new TemplateMiner();
    const succeeded = ['a', 'b', 'c'].map((name) => fields.add(`payment state=succeeded id=${name}`, { level: 'INFO' }));
    const declined = ['d', 'e'].map((name) => fields.add(`payment state=declined id=${name}`, { level: 'ERROR' }));
    assert.notEqual(fields.finalId(succeeded[0]), fields.finalId(declined[0]));
  });

  // realx12 kind 4: MPD's `process command list` (a command list opened) joined `process command "%s"` (a command's
  // name in quotes) as one more value of its quoted <*>. The quotes are the statement's format string.
  it('keeps a bare word apart from a value the statement quotes there (MPD\'s `process command list` / `process command "status"`)', () => {
    // Real lines (test/fixtures/real-excerpts MPD, client.c's messages after the `client: [N]` header).
    const messages = ['process command "stop"', 'command returned 0', 'process command list', 'process command "status"', 'command returned 0', 'process command "currentsong"', 'process command "idle"', 'process command "play"', 'process command list', 'process command "playid"'];
    const templates = minedAlone(messages);
    assertOneEvent(templates, [2, 8], 'process command list');
    assertOneEvent(templates, [0, 3, 5, 6, 7, 9], 'process command "<*>"');
    // The neighbour: quoted on every line, the names are one value (made-up lines in the same frame).
    assertOneEvent(minedAlone(['process command "stop"', 'process command "status"', 'process command "idle"', 'process command "play"']), [0, 1, 2, 3], 'quoted names');
  });

  // CUPS' real lines (test/fixtures/real-excerpts, batch 3): `Using policy "default" as the default!` (2007) and `… as the default.` (2015) are two format
  // strings; with `!` read as part of the word, the miner masked the place at once and merged them.
  it("tells sentences apart by the mark that ends them (CUPS' `as the default!` / `as the default.`)", () => {
    const templates = minedAlone(['Using policy "default" as the default!', 'Using policy "default" as the default.', 'Using policy "default" as the default.']);
    assertApart(templates, [0, 1], 'default! / default.');
    assert.equal(templates[1], templates[2]);
    // The neighbour: words that end in `!` and vary a lot are values as any others are.
    const greetings = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar'].map((name) => `Welcome back ${name}!`);
    const miner = new TemplateMiner();
    for (const line of greetings) miner.add(line);
    assert.deepEqual(miner.templates().map((t) => [t.template, t.count]), [['Welcome back <*>', 12]]);
  });

  // realx3's Grafana (batch 3): three starts each print `Path Home`, `Path Data`, `Path Logs`, `Path Plugins` (and one
  // `Path Provisioning`), one statement per setting; five words of three lines each read as a variable's values.
  it("keeps apart words that recur in step, once per run of a sequence (Grafana's `Path Home` / `Path Data` at every start)", async () => {
    // Real lines (test/fixtures/real-excerpts Grafana): settings.go logs each path with its own message.
    const start = (time: string, paths: string[]) => paths.map((name) => `t=${time} lvl=info msg="Path ${name}" logger=settings path=/usr/share/grafana/${name.toLowerCase()}`);
    const four = ['Home', 'Data', 'Logs', 'Plugins'];
    const lines = [...start('2017-07-03T06:09:21+0000', four), ...start('2019-03-04T08:55:41+0000', [...four, 'Provisioning']), ...start('2020-11-09T09:14:11+0000', four)];
    const templates = await templatesOf(lines);
    assert.equal(new Set(templates).size, 5, [...new Set(templates)].join(' | '));
    assertOneEvent(templates, [0, 4, 9], 'Path Home');
    // The neighbour: a service's name, a few lines for some and one for most (xinetd's `removing <service>`), is one
    // statement's value.
    const services = ['chargen', 'daytime', 'echo', 'chargen', 'discard', 'time', 'daytime', 'echo', 'chargen', 'tftp'];
    assert.equal(new Set(minedAlone(services.map((name) => `removing ${name}`))).size, 1);
  });

  it('reads the root path of a request line as the path its other requests take (`"GET / HTTP/1.1"` / `"GET /login/ …"`)', () => {
    // Werkzeug's access line (Superset, batch 11; Uvicorn, batch 10, and PeerTube, batch 14, print the same request
    // line): the root page asked for beside other pages, one statement.
    const root = tokenize('127.0.0.1 - - [06/May/2020 15:37:24] "GET / HTTP/1.1" 302 -').tokens;
    assert.deepEqual(root, tokenize('127.0.0.1 - - [06/May/2020 15:37:24] "GET /superset/welcome HTTP/1.1" 302 -').tokens);
    assert.deepEqual(tokenize('POST / 200').tokens, ['POST', '<*>']);
    // A slash between words, or after a word that is no request method, is the sentence's own.
    assert.deepEqual(tokenize('read / write').tokens, ['read', '/', 'write']);
    assert.deepEqual(tokenize('GETS / more').tokens, ['GETS', '/', 'more']);
  });
});
