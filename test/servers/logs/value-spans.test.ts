// One statement whose value takes no token in some lines and one or more in others (patterns/value-spans.ts): an empty
// quoted value beside a quoted word, and a dump of `key=value` lines printed by one loop. Real lines from the excerpts'
// public reports, each with a neighbour that must stay apart.
import assert from 'node:assert/strict';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';

/** The templates the miner gives `messages`, one per message (in order). */
function templatesOf(messages: string[]): string[] {
  const miner = new TemplateMiner();
  const ids = messages.map((message) => miner.add(message));
  const text = new Map(miner.templates().map((t) => [t.id, t.template]));
  return ids.map((id) => text.get(miner.finalId(id)) as string);
}

/** How many templates the miner gives `messages`. */
function minedCount(messages: string[]): number {
  return new Set(templatesOf(messages)).size;
}

describe('value spans: a value of no token or of several is still one value', () => {
  it("reads an empty quoted value as the quoted value of the statement's other lines", () => {
    // Magento 2 (batch 9), Magento\Framework\View\Layout\ScheduledStructure: `Broken reference: the '%1' tries to reorder
    // itself towards '%2', but their parents are different: '%3' and '%4' respectively.`, %2 and %4 empty for an
    // element without a parent.
    const magento = [
      "Broken reference: the 'logo' tries to reorder itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'global.search' tries to reorder itself towards 'logo', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'user' tries to reorder itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'header' tries to reorder itself towards 'global.notices', but their parents are different: 'page.wrapper' and 'notices.wrapper' respectively.",
      "Broken reference: the 'page.breadcrumbs' tries to reorder itself towards 'notifications', but their parents are different: 'page.wrapper' and 'notices.wrapper' respectively.",
    ];
    const templates = templatesOf(magento);
    assert.equal(new Set(templates).size, 1);
    assert.equal(templates[0], "Broken reference: the '<*>' tries to reorder itself towards '<*>', but their parents are different: '<*>' and '<*>' respectively.");
  });

  it('keeps apart two sentences that differ in a word, empty quoted values or not', () => {
    // The same program's other statement about a missing element (`No element found with ID '%1'.`), written here
    // with an empty id beside a named one: the words around the quotes differ, so the statements do.
    assert.equal(minedCount([
      "Broken reference: the 'logo' tries to reorder itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: the 'user' tries to reorder itself towards 'logo', but their parents are different: 'header' and 'main' respectively.",
      "Broken reference: the 'logo' tries to move itself towards '', but their parents are different: 'header' and '' respectively.",
      "Broken reference: No element found with ID ''.",
      "Broken reference: No element found with ID 'checkout.header.wrapper'.",
      "Broken reference: No element found with ID 'page.top'.",
    ]), 3);
  });

  it("joins an indented dump of options, one `--key='value'` line each, and one of keys the miner masked", () => {
    // Cilium (batch 9), daemon/cmd: the agent logs every option in a loop, `  --%s='%s'`, an empty value as `''`.
    const cilium = [
      "  --ipvlan-master-device='undefined'",
      "  --join-cluster='false'",
      "  --k8s-api-server=''",
      "  --k8s-force-json-patch='false'",
      "  --k8s-heartbeat-timeout='30s'",
      "  --k8s-kubeconfig-path=''",
      "  --k8s-namespace='kube-system'",
    ];
    assert.equal(minedCount(cilium), 1);
    // Neo4j (batch 1), DiagnosticsManager dumps the configuration `%s=%s`: the keys are masked where the values are
    // one token, and a value of two tokens (`100M size`) is the same line.
    const neo4j = [
      '[o.n.k.i.DiagnosticsManager] dbms.memory.heap.initial_size=512M',
      '[o.n.k.i.DiagnosticsManager] dbms.read_only=true',
      '[o.n.k.i.DiagnosticsManager] ha.host.coordination=69c565348cd9:5001',
      '[o.n.k.i.DiagnosticsManager] dbms.tx_log.rotation.retention_policy=100M size',
      '[o.n.k.i.DiagnosticsManager] dbms.logs.query.threshold=0',
      '[o.n.k.i.DiagnosticsManager] dbms.connector.bolt.listen_address=0.0.0.0:7687',
      '[o.n.k.i.DiagnosticsManager] dbms.allow_format_migration=true',
    ];
    assert.equal(minedCount(neo4j), 1);
  });

  it('keeps apart flush lines of one field each, which separate statements print with their key in the format', () => {
    // ZooKeeper (batch 1), ZooKeeperServer: `LOG.info("zookeeper.flushDelay={}", flushDelay)` and its neighbours,
    // one call per setting.
    assert.equal(minedCount([
      'zookeeper.flushDelay=0',
      'zookeeper.maxWriteQueuePollTime=0',
      'zookeeper.maxBatchSize=1000',
      'zookeeper.enableEagerACLCheck = false',
      'zookeeper.digest.enabled = true',
      'zookeeper.closeSessionTxn.enabled = true',
    ]), 6);
  });

  // break14: dumps printed under an INFO entry and under an ERROR one joined into one `    <*>=<*>`, so the error's
  // fields hid among the settings. One print statement has one level.
  it('field lines whose templates keep to different levels stay apart', () => {
    const miner = new TemplateMiner();
    const add = (message: string, level: 'INFO' | 'ERROR') => miner.finalId(miner.add(message, { level }));
    const request = ['    method=GET', '    path=/api/users', '    status=500'].map((m) => add(m, 'ERROR'));
    const config = ['    mode=production', '    workers=4', '    region=eu-1'].map((m) => add(m, 'INFO'));
    const byId = new Map(miner.templates().map((t) => [t.id, t]));
    for (const id of [...request, ...config]) {
      const levels = Object.keys(byId.get(miner.finalId(id))!.levels);
      assert.equal(levels.length, 1, `${byId.get(miner.finalId(id))!.template}: ${levels}`);
    }
    // The same dumps at one level are one loop's lines, as before.
    const one = new TemplateMiner();
    const ids = ['    mode=production', '    workers=4', '    region=eu-1', '    method=GET'].map((m) => one.add(m, { level: 'INFO' }));
    assert.equal(new Set(ids.map((id) => one.finalId(id))).size, 1, one.templates().map((t) => t.template).join(' / '));
  });
});
