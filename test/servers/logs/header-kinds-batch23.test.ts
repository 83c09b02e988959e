// Header kinds found in the real-excerpts batch 23 (newly studied in session 27: Cura, Kyverno, Mealie) by branch `hdr27`: header
// columns left in messages, and message words that must not be read as such columns. Made-up lines of those shapes
// (and, where short, the real ones); each case says what a person reading the file would answer, and a neighbour that
// must stay as it is.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

/** Reference time for year-less dates: 2026-12-03. */
const REFERENCE = Date.UTC(2026, 11, 3);

function parsed(lines: string[]) {
  const parser = createLineParser(lines, { referenceTime: REFERENCE });
  return lines.map((line) => parser.parse(line));
}

describe('header kinds of batch 23', () => {
  it("a caller's column closed by its line number ends the header after the level's dash, in each of a file's layouts (Uranium's logger in Cura)", () => {
    // Three versions of one logger in one file: `path (function [line]):`, `module.function [line]:`, and the thread's
    // bracket before the caller. Left in the message, one statement (`Loaded plugin <name>`) was three templates.
    const lines = [
      '2016-10-23 22:08:52,827 - WARNING - D:\\2.3\\build\\UM\\Preferences.py (getValue [70]): Tried to get the value of non-existing setting cura/active_mode.',
      '2016-10-23 22:08:52,827 - INFO - D:\\2.3\\build\\UM\\PluginRegistry.py (loadPlugin [63]): Loaded plugin PerObjectSettingsTool',
      '2016-10-23 22:08:52,832 - INFO - D:\\2.3\\build\\UM\\PluginRegistry.py (loadPlugin [63]): Loaded plugin PostProcessingPlugin',
      '2017-10-13 16:09:35,975 - WARNING - UM.PluginRegistry.loadPlugin [193]: Plugin CuraEngineBackend was already loaded',
      '2017-10-13 16:09:35,983 - INFO - UM.PluginRegistry.loadPlugin [231]: Loaded plugin LayerView',
      '2017-10-13 16:09:35,986 - DEBUG - UM.Controller.setActiveView [81]: Setting active view to SolidView',
      '2020-10-23 17:32:09,310 - INFO - [MainThread] UM.Logger.info [122]: Loaded plugin VersionUpgrade40to41',
      '2020-10-23 17:32:09,327 - INFO - [MainThread] UM.Logger.info [122]: Loaded plugin SimpleView',
      '2020-10-23 17:32:10,001 - DEBUG - [MainThread] cura.CuraApplication.run [781]: Initializing machine error checker',
    ];
    const out = parsed(lines);
    assert.deepEqual(
      out.map((p) => p.message),
      [
        'Tried to get the value of non-existing setting cura/active_mode.',
        'Loaded plugin PerObjectSettingsTool',
        'Loaded plugin PostProcessingPlugin',
        'Plugin CuraEngineBackend was already loaded',
        'Loaded plugin LayerView',
        'Setting active view to SolidView',
        'Loaded plugin VersionUpgrade40to41',
        'Loaded plugin SimpleView',
        'Initializing machine error checker',
      ],
    );
    assert.deepEqual(out.map((p) => p.level), ['WARN', 'INFO', 'INFO', 'WARN', 'INFO', 'DEBUG', 'INFO', 'INFO', 'DEBUG']);
    assert.equal(out[4].component, 'UM.PluginRegistry.loadPlugin [231]');
  });

  it("after the level's dash, a statement's words stay the message's, bracketed numbers and all", () => {
    // Python's `%(asctime)s - %(levelname)s - %(message)s`: what follows the dash is text, even `name [N]:` that is no
    // qualified name (a count, a list's item) or a bracket not followed by a caller.
    const lines = [
      '2024-05-01 10:00:00,001 - INFO - Retry [3]: connecting to db.example.org',
      '2024-05-01 10:00:01,002 - INFO - Loaded DAG <DAG: example>',
      '2024-05-01 10:00:02,003 - WARNING - [worker-1] queue full: dropping 12 jobs',
      '2024-05-01 10:00:03,004 - ERROR - values[0]: out of range',
      '2024-05-01 10:00:04,005 - INFO - see docs.example.org [1]: the manual',
    ];
    const out = parsed(lines);
    assert.deepEqual(
      out.map((p) => p.message),
      ['Retry [3]: connecting to db.example.org', 'Loaded DAG <DAG: example>', '[worker-1] queue full: dropping 12 jobs', 'values[0]: out of range', 'see docs.example.org [1]: the manual'],
    );
    assert.deepEqual(out.map((p) => p.component), [undefined, undefined, undefined, undefined, undefined]);
  });

  it("after the level's dash, a version or an address before a bracketed number stays the message's (no caller's name: a module's segments open with a letter)", () => {
    // Branch `rev27d`: a Python module or function name never opens a dotted segment with a digit, while a version
    // (`v1.2`) or an IP address does; read as a caller's column, `v1.2 [3]:` became the component and each release's
    // words left the message.
    const lines = [
      '2024-05-01 10:00:00,001 - INFO - v1.2 [3]: enabled',
      '2024-05-01 10:00:01,001 - INFO - v1.3 [4]: enabled',
      '2024-05-01 10:00:02,001 - WARNING - 10.0.0.5 [2]: no answer, retrying',
      '2024-05-01 10:00:03,001 - WARNING - 10.0.0.7 [5]: no answer, retrying',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), ['v1.2 [3]: enabled', 'v1.3 [4]: enabled', '10.0.0.5 [2]: no answer, retrying', '10.0.0.7 [5]: no answer, retrying']);
    assert.deepEqual(out.map((p) => p.component), [undefined, undefined, undefined, undefined]);
    assert.deepEqual(out.map((p) => p.level), ['INFO', 'INFO', 'WARN', 'WARN']);
  });

  it("klog's structured record (`\"msg\" key=value …`) is read as the logr record it is: its message, its logger (Kyverno's upgrade)", () => {
    // klog v2's InfoS writes the quoted message and bare-keyed pairs; the older klogr wrote `name "msg"="…" "key"=…`.
    // One program upgraded in one file logs one statement in both forms: the pairs are no part of the message in either.
    const lines = [
      'I0929 06:33:46.282146       1 metricsconfig.go:116] config "msg"="metricsRefreshInterval not set" "name"="kyverno-metrics" "namespace"="kyverno"',
      'I0929 06:33:46.282278       1 metricsconfig.go:138] config "msg"="namespaces configured" "name"="kyverno-metrics" "namespace"="kyverno"',
      'I0705 16:55:26.522345       1 version.go:49] "version" logger="setup.version" version="(devel)" hash="6c88cf5e"',
      'I0705 16:55:26.522828       1 client.go:41] "create kube client..." logger="setup.kube-client" kubeconfig="" qps=300 burst=300',
      'I0705 16:55:26.629485       1 metricsconfig.go:153] "metricsRefreshInterval not set" logger="config" name="kyverno-metrics" namespace="kyverno"',
      'E0705 16:55:27.000001       1 leader.go:12] "Failed to renew lease" err="context deadline exceeded: \\"kube-system/lease\\"" lease="kube-system/kyverno"',
      'I0705 16:55:28.000002       1 kubelet.go:2130] "SyncLoop (PLEG): event for pod" pod="default/web-0" event={ID:5f2c Type:ContainerStarted Data:9ab1}',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), ['metricsRefreshInterval not set', 'namespaces configured', 'version', 'create kube client...', 'metricsRefreshInterval not set', 'Failed to renew lease', 'SyncLoop (PLEG): event for pod']);
    assert.deepEqual(out.map((p) => p.component), ['config', 'config', 'setup.version', 'setup.kube-client', 'config', 'leader.go:12', 'kubelet.go:2130']);
    assert.equal(out[5].level, 'ERROR');
  });

  it("a klog record's value printed from a pointer to a struct, or a struct holding one (`event=&{ID:… Type:…}`), is one of its pairs", () => {
    // Branch `rev27d`: Go's `%+v` prints a pointer to a struct as `&{…}` (kubelet's PLEG events) and a struct inside a
    // struct as nested braces; a record holding such a value stayed whole, so one statement was two templates beside
    // the records whose values were plain.
    const lines = [
      'I0502 08:55:56.177637    2264 kubelet.go:2231] "SyncLoop (PLEG): event for pod" pod="kube-system/kube-multus-ds-kk2r8" event=&{ID:7eaba53e-63d2 Type:ContainerStarted Data:d08bfba7963c}',
      'I0516 18:00:44.655347    4052 kubelet.go:2439] "SyncLoop (PLEG): event for pod" pod="default/nginx" event={"ID":"7ed0f963","Type":"ContainerDied","Data":"f51267392f05"}',
      'I0705 16:55:26.522345       1 pod.go:49] "Updated pod" pod={ObjectMeta:{Name:web-0 Namespace:default}} rv=12',
      'I0705 16:55:26.522347       1 pod.go:49] "Updated pod" pod="default/web-2"',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), ['SyncLoop (PLEG): event for pod', 'SyncLoop (PLEG): event for pod', 'Updated pod', 'Updated pod']);
  });

  it('a message that quotes a phrase and goes on in words is no klog record', () => {
    // Only pairs may follow the quote; a quoted request with its status and time after it is the statement's text.
    const lines = [
      'I0705 16:55:26.522345       1 server.go:49] "GET /healthz" took 3ms status=200',
      'I0705 16:55:26.522346       1 server.go:49] "GET /readyz" took 4ms status=200',
      'I0705 16:55:26.522347       1 server.go:50] "quoted alone"',
    ];
    const out = parsed(lines);
    assert.deepEqual(out.map((p) => p.message), ['"GET /healthz" took 3ms status=200', '"GET /readyz" took 4ms status=200', '"quoted alone"']);
  });

  it("a container's output exported as CSV (`<time>,stdout,<line>`, Portainer's export) is read behind its time and stream", () => {
    // The stream glued to the program's line was its first word: the access lines of one statement were `stdout,<ip>
    // - "GET …"` here and `<ip> - "GET …"` where the same program's line came without the export's columns.
    const lines = [
      '2022-10-20T21:12:04.078018530Z,stdout,127.0.0.1:46428   - "GET /docs HTTP/1.1" 200',
      '2022-10-20T21:11:33.882404779Z,stdout,127.0.0.1:46362   - "GET /docs HTTP/1.1" 200',
      '2022-10-20T21:10:04.710187652Z,stdout,INFO:   20-Oct-22 23:10:04 \tRunning minutely callbacks',
      '2022-10-20T21:10:05.000000000Z,stderr,ERROR:  20-Oct-22 23:10:05 \tFailed to run callbacks',
    ];
    const out = parsed(lines);
    assert.equal(out[0].message, '127.0.0.1:46428   - "GET /docs HTTP/1.1" 200');
    assert.equal(out[0].timestamp, Date.UTC(2022, 9, 20, 21, 12, 4, 78));
    assert.equal(out[0].stream, 'stdout');
    assert.deepEqual(out.map((p) => p.level), [undefined, undefined, 'INFO', 'ERROR']);
    assert.equal(out[3].stream, 'stderr');
    // A CSV record whose second column is no stream is no such export: a time and a value stay as they are.
    const values = parsed(['2022-10-20T21:12:04Z,42,ok', '2022-10-20T21:12:05Z,43,ok']);
    assert.ok(values.every((p) => p.message.includes(',')));
  });
});
