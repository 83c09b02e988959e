// An exception's class name opening a message is the statement's subject, not a logger's `name:` column
// (format/exception-names.ts): `java.io.IOException: Connection timed out` and `java.net.ConnectException: Connection
// timed out` are two events, and a header reader that cut the class as a component made them one template saying
// "Connection timed out". A logger's column (a class that names no failure) is still cut.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';
import { isExceptionName } from '../../../servers/logs/format/exception-names';
import { learnLeadColumns, cutLeadColumns } from '../../../servers/logs/format/lead-columns';
import { minePatterns } from '../../../servers/logs/patterns/log-patterns';

async function templatesOf(lines: string[]): Promise<Map<string, string>> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true });
  const byLine = new Map<string, string>();
  for (const t of miner.templates()) for (const n of t.lineNumbers ?? []) byLine.set(lines[n - 1], t.template);
  return byLine;
}

describe('exception class names are the message, not a logger column', () => {
  it('knows a failure class by its suffix, dotted or not, and nothing else', () => {
    const names = ['java.net.ConnectException', 'IOException', 'TypeError', 'System.OverflowException', 'SoapFault', 'Outer$InnerError'];
    for (const name of names) assert.equal(isExceptionName(name, 0, name.length), true, name);
    for (const name of ['o.a.k.c.Worker', 'kafka.Worker', 'ErrorHandler', 'su (pam_unix)', 'Errors', 'main']) assert.equal(isExceptionName(name, 0, name.length), false, name);
  });

  it('a header that learned a `name:` column does not cut an exception class there; the logger on other lines still is', async () => {
    // Python's `%(asctime)s %(levelname)s %(name)s: %(message)s`, a Java client's failures logged by their class.
    const lines = [
      '2024-03-01 10:00:00,123 INFO kafka.Worker: Worker started',
      '2024-03-01 10:00:00,200 INFO kafka.Worker: Starting connector jdbc-sink',
      '2024-03-01 10:00:01,000 ERROR java.net.ConnectException: Connection timed out',
      '2024-03-01 10:00:01,500 WARN kafka.WorkerTask: Retrying in 500 ms',
      '2024-03-01 10:00:02,000 ERROR java.io.IOException: Connection timed out',
      '2024-03-01 10:00:03,000 ERROR kafka.WorkerTask: Task failed after 3 retries',
      '2024-03-01 10:00:04,000 ERROR java.net.ConnectException: Connection timed out',
      '2024-03-01 10:00:05,000 INFO kafka.Worker: Starting connector jdbc-source',
    ];
    const parser = createLineParser(lines);
    const out = lines.map((line) => parser.parse(line));
    assert.deepEqual(out.map((p) => p.message), [
      'Worker started',
      'Starting connector jdbc-sink',
      'java.net.ConnectException: Connection timed out',
      'Retrying in 500 ms',
      'java.io.IOException: Connection timed out',
      'Task failed after 3 retries',
      'java.net.ConnectException: Connection timed out',
      'Starting connector jdbc-source',
    ]);
    assert.deepEqual(out.map((p) => p.component), ['kafka.Worker', 'kafka.Worker', undefined, 'kafka.WorkerTask', undefined, 'kafka.WorkerTask', undefined, 'kafka.Worker']);
    assert.deepEqual(out.map((p) => p.level), ['INFO', 'INFO', 'ERROR', 'WARN', 'ERROR', 'ERROR', 'ERROR', 'INFO']);
    const templates = await templatesOf(lines);
    assert.notEqual(templates.get(lines[2]), templates.get(lines[4]), 'two failure classes are two events');
    assert.equal(templates.get(lines[2]), templates.get(lines[6]));
  });

  it("a line read by its own header keeps the class (Technitium's `[time] [endpoint] Class: message`)", () => {
    const lines = [
      '[2020-12-13 04:33:51 UTC] Logging started.',
      '[2020-12-13 04:33:51 UTC] [10.10.10.104:0] [admin] Log file was deleted: 2020-12-13',
      '[2020-12-13 04:34:44 UTC] DNS Server config file was saved: C:\\Program Files (x86)\\Technitium\\DNS Server\\config\\dns.config',
      '[2020-12-13 04:35:06 UTC] [10.10.10.104:0] TechnitiumLibrary.Net.Dns.DnsClientException: Name server returned error. DNS RCODE: ServerFailure (2); Name server: desktop-tang:53 (127.0.0.1:53)',
      '[2025-12-26 09:12:34 Local] DHCP Server successfully unloaded scope: Default',
      '[2025-12-26 09:12:34 Local] Saving DNS Cache to disk...',
      '[2025-12-26 09:12:34 Local] System.OverflowException: Value was either too large or too small for an unsigned byte.',
    ];
    const parser = createLineParser(lines);
    const out = lines.map((line) => parser.parse(line).message);
    // The endpoint column may stay (this sample does not show it a column); the class must.
    assert.match(out[3], /^(?:\[10\.10\.10\.104:0\] )?TechnitiumLibrary\.Net\.Dns\.DnsClientException: Name server returned error\./);
    assert.equal(out[6], 'System.OverflowException: Value was either too large or too small for an unsigned byte.');
  });

  it('a lead column of a label or class logger shape is not learned from exception names', () => {
    // `TypeError:` has a label's shape and `java.io.IOException:` a class logger's: beside the same text bare, they
    // would be learned as columns and cut.
    const messages = [
      'TypeError: Cannot read properties of undefined',
      'Cannot read properties of undefined',
      'TypeError: Assignment to constant variable.',
      'Assignment to constant variable.',
      'java.io.IOException: Stream closed early',
      'Stream closed early',
      'java.io.IOException: Broken pipe detected',
      'Broken pipe detected',
    ];
    const learned = learnLeadColumns(messages);
    const cut = learned ? messages.map((message) => cutLeadColumns(learned, { message }).message) : messages;
    assert.deepEqual(cut, messages);
    // Neighbour: a class logger with its colon that names no failure is a column (JMeter's `jmeter.JMeter:`).
    const loggers = ['jmeter.JMeter: Setting Locale to en_US', 'Setting Locale to en_US', 'jmeter.JMeter: Loading properties from file', 'Loading properties from file'];
    const columns = learnLeadColumns(loggers);
    assert.ok(columns);
    assert.equal(cutLeadColumns(columns, { message: loggers[0] }).message, 'Setting Locale to en_US');
  });
});
