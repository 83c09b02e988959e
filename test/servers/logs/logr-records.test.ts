// Records of Go's logr written as text (klogr: `<logger name> "msg"="<text>" "key"=value …`, format/logr-records.ts):
// the msg's text is the message and the logger's name the component, as the same record in logfmt or JSON gives; and a
// log shipper's table around a program's line (`<time> | <host> | <container> | <line>`) is read to the line inside.
// Real lines from cert-manager's bug reports (test/fixtures/real-excerpts, batch 9), with neighbours that must stay.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { readLogrRecord } from '../../../servers/logs/format/logr-records';

/** Reference time for year-less dates: 2026-11-30. */
const REFERENCE = Date.UTC(2026, 10, 30);

describe('logr records written as text', () => {
  it('the "msg" text is the message and the logger name the component, whichever controller logged it', () => {
    const lines = [
      'I1124 11:37:16.133801       1 controller.go:152] cert-manager/controller/CertificateRequestManager "msg"="syncing item" "key"="giantswarm/happa-certs"',
      'I1124 11:37:16.133818       1 controller.go:152] cert-manager/controller/CertificateKeyManager "msg"="syncing item" "key"="giantswarm/happa-certs"',
      'I1124 11:37:16.133843       1 controller.go:162] cert-manager/controller/CertificateRequestManager "msg"="finished processing work item" "key"="giantswarm/happa-certs"',
      'I1112 00:05:13.604086       1 metrics.go:162] cert-manager/controller/build-context/metrics "msg"="listening for connections on" "address"={"IP":"::","Port":9402,"Zone":""}',
      'I1112 00:05:13.603344       1 controller.go:161] cert-manager "msg"="quoted \\"name\\" here"',
      // A klog line of prose that quotes a pair: its message stays whole.
      'W1112 00:05:13.000001       1 client_config.go:608] Neither --kubeconfig nor --master was specified. Using "msg"="x" is wrong',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const parsed = lines.map((line) => parser.parse(line));
    assert.deepEqual(parsed.map((p) => p.message), [
      'syncing item',
      'syncing item',
      'finished processing work item',
      'listening for connections on',
      'quoted "name" here',
      'Neither --kubeconfig nor --master was specified. Using "msg"="x" is wrong',
    ]);
    assert.equal(parsed[0].component, 'cert-manager/controller/CertificateRequestManager');
    assert.equal(parsed[1].component, 'cert-manager/controller/CertificateKeyManager');
    assert.equal(parsed[0].level, 'INFO');
    assert.equal(parsed[5].level, 'WARN');
  });

  it('a file where one message quotes a "msg" pair is not read as logr records', () => {
    const lines = [
      '2024-01-02 10:00:00 INFO "msg"="hello" "key"="a"',
      '2024-01-02 10:00:01 INFO request done',
      '2024-01-02 10:00:02 INFO request done',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.equal(parser.parse(lines[0]).message, '"msg"="hello" "key"="a"');
    assert.deepEqual(readLogrRecord('cert-manager "msg"="starting controller"  "version"="v1.0.2"'), { text: 'starting controller', name: 'cert-manager' });
    assert.equal(readLogrRecord('"msg"="unterminated'), undefined);
    assert.equal(readLogrRecord('two words "msg"="x"'), undefined);
  });
});

describe("a log shipper's table around a program's line", () => {
  it('the columns before the last bar are the table\'s, and the line after it is read by the file\'s header', () => {
    const lines = [
      '2020-05-18T08:10:03.097Z | pool-pk55kk4qf-984d | cert-manager-controller | I0518 08:10:03.095617       1 controller.go:138] cert-manager/controller/certificates "msg"="syncing item" "key"="default/dada-card.com"',
      'I1124 11:37:16.133801       1 controller.go:152] cert-manager/controller/CertificateRequestManager "msg"="syncing item" "key"="giantswarm/happa-certs"',
      'I1124 11:37:16.133843       1 controller.go:162] cert-manager/controller/CertificateRequestManager "msg"="finished processing work item" "key"="giantswarm/happa-certs"',
      'E1124 11:37:17.000001       1 controller.go:170] cert-manager/controller/CertificateRequestManager "msg"="re-queuing item due to error processing" "error"="boom"',
      // A message with bars of its own and no header after them stays whole.
      '2020-05-18T08:10:04.000Z | a | b | plain text',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    const first = parser.parse(lines[0]);
    assert.equal(first.message, 'syncing item');
    assert.equal(first.level, 'INFO');
    assert.equal(first.component, 'cert-manager/controller/certificates');
    assert.equal(first.timestamp, Date.UTC(2020, 4, 18, 8, 10, 3, 97));
    assert.match(parser.parse(lines[4]).message, /plain text$/);
    assert.match(parser.parse(lines[4]).message, /\| b \|/);
  });

  // break14: a program's own leveled line with bars in it was read as a table around a WARN line.
  it('a line whose own header gives a level is not read as a table, bars in its message or not', () => {
    const lines = [
      '2026-12-01 10:00:05 INFO request | WARN cache miss | key user:1',
      '2026-12-01 10:00:06 INFO request | INFO cache hit | key user:2',
      '2026-12-01 10:00:07 ERROR upstream failed | status 502 | path /api/users',
    ];
    const parser = createLineParser(lines, { referenceTime: REFERENCE });
    assert.deepEqual(lines.map((line) => [parser.parse(line).level, parser.parse(line).message]), [
      ['INFO', 'request | WARN cache miss | key user:1'],
      ['INFO', 'request | INFO cache hit | key user:2'],
      ['ERROR', 'upstream failed | status 502 | path /api/users'],
    ]);
  });
});

describe('logr records: verbosity, keys with spaces, an empty msg (break14)', () => {
  it('reads `"level"=N` before the msg, keys holding spaces after it, and an empty msg as the pairs it carries', () => {
    assert.deepEqual(readLogrRecord('cert-manager/controller/certificates "level"=0 "msg"="syncing item" "key"="default/x"'), { text: 'syncing item', name: 'cert-manager/controller/certificates' });
    assert.deepEqual(readLogrRecord('"level"=5 "msg"="running command" "cwd"=""'), { text: 'running command' });
    assert.deepEqual(readLogrRecord('controller/secret "msg"="Starting workers" "worker count"=1'), { text: 'Starting workers', name: 'controller/secret' });
    assert.deepEqual(readLogrRecord('setup "msg"="" "error"="boom"'), { text: '"error"="boom"', name: 'setup' });
    assert.equal(readLogrRecord('setup "msg"=""'), undefined, 'nothing to show: the line stays as it is');
  });
});
