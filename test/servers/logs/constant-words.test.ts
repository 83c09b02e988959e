// Statements that differ in one constant word, and label-value lines (issue 13, realx9-report kinds 4 and 5): where
// the words that differ name the statement, the listing keeps them apart; where they are a value, it merges them. Real
// lines from the excerpts (test/fixtures/real-excerpts) with their right grouping, and a neighbour each that must stay
// together.
import assert from 'node:assert/strict';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';

/** Mines `lines` as one file through the tool's pass (header detection, columns, miner): each line's listed template. */
async function templatesOf(lines: string[]): Promise<string[]> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
  const byLine: string[] = [];
  for (const t of miner.templates()) for (const n of t.lineNumbers ?? []) byLine[n - 1] = t.template;
  return byLine;
}

/** The lines at `indexes` share one template, and no other line has it. */
function assertOneEvent(templates: string[], indexes: number[], what: string): void {
  const template = templates[indexes[0]];
  for (const i of indexes) assert.equal(templates[i], template, `${what}: line ${i + 1} is '${templates[i]}', not '${template}'`);
  templates.forEach((other, i) => assert.ok(indexes.includes(i) || other !== template, `${what}: line ${i + 1} joined '${template}'`));
}

/** Each line at `indexes` has a template of its own. */
function assertApart(templates: string[], indexes: number[], what: string): void {
  const seen = new Set(indexes.map((i) => templates[i]));
  assert.equal(seen.size, indexes.length, `${what}: ${indexes.map((i) => templates[i]).join(' | ')}`);
}

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
    const other = await templatesOf([
      'status: Ethernet wlan0, Speed: 1000000, Description: wlan0',
      'networkInterface: Ethernet eth0, Speed: 1000000, Description: eth0',
      'networkInterface: 0 tun0, Speed: 1000000, Description: tun0',
      'state: link is down now, port: 1',
      'state: link came up again, port: 2',
    ].map((message) => head + message));
    assertOneEvent(other, [1, 2], 'networkInterface records');
    assertApart(other, [0, 1, 3, 4], 'other labels and sentences');
  });
});
