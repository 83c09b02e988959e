// Format detection on small hand-made samples of each layout.
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

const reference = new Date(2024, 5, 30, 12).getTime();
const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();

describe('log intelligence: createLineParser', () => {
  it('Android logcat (threadtime): time, pid, tid, level letter, tag', () => {
    const sample = [
      '06-01 09:00:00.100  1200  1300 I ActivityManager: Start proc 4242:com.example/u0a12 for activity',
      '06-01 09:00:00.250  1200  1301 W PackageManager: Failure retrieving resources for com.example',
      '06-01 09:00:01.000   800   812 E AudioFlinger: write blocked for 104 msecs',
      '06-01 09:00:01.020   800   812 D AudioFlinger: mixer(0x7f) throttle end',
    ];
    const parser = createLineParser(sample, { referenceTime: reference });
    assert.equal(parser.format.id, 'android');
    assert.deepEqual(parser.parse(sample[2]), { message: 'write blocked for 104 msecs', level: 'ERROR', timestamp: local(2024, 6, 1, 9, 0, 1), component: 'AudioFlinger' });
    assert.equal(parser.parse(sample[1]).level, 'WARN');
  });

  it('applies the learned header to lines whose date is written in another form (NLog short dates of an older version)', () => {
    const sample = [
      '19-4-2 08:01:02.3|Info|Scheduler|Application mode: Service',
      '19-4-2 08:01:05.0|Info|SyncJob|Starting nightly sync',
      '2023-11-05 10:00:00.1|Info|SyncJob|Starting nightly sync',
      '2023-11-05 10:00:04.8|Warn|Importer|Skipped 3 rows',
      '2023-11-05 10:00:09.2|Info|SyncJob|Starting nightly sync',
      '2023-11-05 10:05:00.6|Info|Scheduler|Application mode: Console',
    ];
    const parser = createLineParser(sample, { referenceTime: reference });
    // The logger column after `|Info|` is a header column too (pipe-columns.ts): every line leaves it.
    assert.deepEqual(
      sample.map((line) => parser.parse(line)),
      [
        { message: 'Application mode: Service', level: 'INFO', timestamp: local(2019, 4, 2, 8, 1, 2, 300) },
        { message: 'Starting nightly sync', level: 'INFO', timestamp: local(2019, 4, 2, 8, 1, 5) },
        { message: 'Starting nightly sync', level: 'INFO', timestamp: local(2023, 11, 5, 10, 0, 0, 100) },
        { message: 'Skipped 3 rows', level: 'WARN', timestamp: local(2023, 11, 5, 10, 0, 4, 800) },
        { message: 'Starting nightly sync', level: 'INFO', timestamp: local(2023, 11, 5, 10, 0, 9, 200) },
        { message: 'Application mode: Console', level: 'INFO', timestamp: local(2023, 11, 5, 10, 5, 0, 600) },
      ],
    );
  });

  it('a thread name in parentheses with spaces is one header field; a message id after it stays in the message', () => {
    // JBoss/WildFly console layout: `time LEVEL [category] (thread) CODE: message`; thread names hold spaces.
    const sample = [
      '09:00:01,120 INFO  [org.example.mail] (MSC service thread 1-9) APP0140: Bound mail session [java:/mail/Default]',
      '09:00:01,300 INFO  [org.example.web] (ServerService Thread Pool -- 47) APP0275: Creating file handler for path /srv/content',
      '09:00:01,310 INFO  [org.example.web] (MSC service thread 1-2) APP0225: Started server default-server.',
      '09:00:02,400 WARN  [org.example.web] (ServerService Thread Pool -- 54) APP0502: Listener starting',
      '09:00:02,410 INFO  [org.example.web] (MSC service thread 1-5) APP0502: Listener starting',
    ];
    const parser = createLineParser(sample, { referenceTime: reference });
    assert.deepEqual(sample.map((line) => parser.parse(line).message), [
      'APP0140: Bound mail session [java:/mail/Default]',
      'APP0275: Creating file handler for path /srv/content',
      'APP0225: Started server default-server.',
      'APP0502: Listener starting',
      'APP0502: Listener starting',
    ]);
    assert.equal(parser.parse(sample[3]).level, 'WARN');
  });

  it('Apache error log: [ctime] [level] message', () => {
    const sample = [
      '[Mon Jan 08 10:00:00 2024] [notice] Apache/2.2 configured -- resuming normal operations',
      '[Mon Jan 08 10:00:05 2024] [error] [client 10.0.0.7] File does not exist: /var/www/favicon.ico',
      '[Mon Jan 08 10:01:00 2024] [warn] child process 4411 still did not exit, sending a SIGTERM',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'apache-error');
    const line = parser.parse(sample[1]);
    assert.equal(line.level, 'ERROR');
    assert.equal(line.message, '[client 10.0.0.7] File does not exist: /var/www/favicon.ico');
    assert.equal(line.timestamp, local(2024, 1, 8, 10, 0, 5));
    assert.equal(parser.parse(sample[2]).level, 'WARN');
  });

  it('Apache 2.4 error log: [module:level] gives the level and the module as component; the AH code stays in the message', () => {
    const sample = [
      '[Tue Mar 05 07:10:11.004211 2024] [mpm_prefork:notice] [pid 310:tid 140] AH00163: server configured -- resuming normal operations',
      '[Tue Mar 05 07:10:12.500000 2024] [proxy:error] [pid 311:tid 141] [client 192.0.2.4:51000] AH00940: backend connection failed',
      '[Tue Mar 05 07:10:13.000100 2024] [ssl:warn] [pid 310:tid 140] AH01906: certificate is a CA certificate',
      '[Tue Mar 05 07:10:14.123456 2024] [authz_host:trace4] [pid 312:tid 142] [client 192.0.2.4:51001] mod_authz_host.c(120): checking',
      '[Tue Mar 05 07:10:15.000000 2024] [core:crit] [pid 310:tid 140] AH00102: could not open error log',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'apache-error');
    assert.deepEqual(parser.parse(sample[0]), {
      message: 'AH00163: server configured -- resuming normal operations',
      level: 'INFO',
      timestamp: local(2024, 3, 5, 7, 10, 11, 4),
      component: 'mpm_prefork',
    });
    const proxy = parser.parse(sample[1]);
    assert.equal(proxy.level, 'ERROR');
    assert.equal(proxy.component, 'proxy');
    assert.equal(proxy.timestamp, local(2024, 3, 5, 7, 10, 12, 500));
    assert.equal(proxy.message, '[client 192.0.2.4:51000] AH00940: backend connection failed');
    assert.deepEqual([2, 3, 4].map((i) => parser.parse(sample[i]).level), ['WARN', 'TRACE', 'FATAL']);
  });

  it('glog/klog: level letter glued to MMdd, time, thread id, file:line] message', () => {
    const sample = [
      'I0417 08:30:00.250001       7 leaderelection.go:248] attempting to acquire leader lease kube-system/sched',
      'W0417 08:30:02.000000       7 warnings.go:70] v1 Endpoints is deprecated',
      'E0417 08:30:05.123456      19 watcher.go:91] watch chan error: etcdserver: mvcc: required revision has been compacted',
      'F0417 08:31:00.000000       7 server.go:301] unable to load configmap: context deadline exceeded',
    ];
    const parser = createLineParser(sample, { referenceTime: reference });
    assert.equal(parser.format.id, 'glog');
    assert.deepEqual(parser.parse(sample[2]), {
      level: 'ERROR',
      timestamp: local(2024, 4, 17, 8, 30, 5, 123),
      component: 'watcher.go:91',
      message: 'watch chan error: etcdserver: mvcc: required revision has been compacted',
    });
    assert.deepEqual([0, 1, 3].map((i) => parser.parse(sample[i]).level), ['INFO', 'WARN', 'FATAL']);
    // A year-less time after the reference belongs to the year before.
    assert.equal(parser.parse('I1230 23:00:00.000000       7 main.go:1] late').timestamp, local(2023, 12, 30, 23));
    // A capital letter and digits that are not followed by a time are not a level.
    assert.equal(createLineParser(['E1234 is an error code', 'W42 row ready']).parse('E1234 is an error code').level, undefined);
  });

  it('nginx error log and Python logging keep their levels and times', () => {
    const nginx = [
      '2024/03/05 07:10:11 [error] 2201#2201: *31 connect() failed (111: Connection refused) while connecting to upstream',
      '2024/03/05 07:10:12 [warn] 2201#2201: *32 an upstream response is buffered to a temporary file',
      '2024/03/05 07:10:13 [notice] 2200#2200: signal process started',
    ];
    const ngx = createLineParser(nginx);
    assert.equal(ngx.format.id, 'bracket-level');
    assert.deepEqual(ngx.parse(nginx[0]), {
      message: '*31 connect() failed (111: Connection refused) while connecting to upstream',
      level: 'ERROR',
      timestamp: local(2024, 3, 5, 7, 10, 11),
      component: '2201#2201',
    });
    assert.equal(ngx.parse(nginx[1]).level, 'WARN');
    const python = [
      '2024-03-05 07:10:11,120 - billing.worker - INFO - invoice 88 sent',
      '2024-03-05 07:10:12,340 - billing.db - ERROR - deadlock detected: retrying',
      '2024-03-05 07:10:13,560 - billing.db - WARNING - pool exhausted',
    ];
    const py = createLineParser(python);
    assert.equal(py.format.id, 'leveled');
    const failed = py.parse(python[1]);
    assert.equal(failed.level, 'ERROR');
    assert.equal(failed.timestamp, local(2024, 3, 5, 7, 10, 12, 340));
    assert.equal(failed.message, 'deadlock detected: retrying');
    assert.equal(py.parse(python[2]).level, 'WARN');
  });

  it('Java/log4j: ISO time, level, [thread], logger: message; stack traces keep their text', () => {
    const sample = [
      '2023-04-02 08:15:00,123 INFO [main] com.example.App: Starting service on port 8080',
      '2023-04-02 08:15:01,456 WARN [pool-1-thread-3] com.example.db.Pool: Connection slow: 1200 ms',
      '2023-04-02 08:15:02,789 ERROR [IPC Server handler 5 on 9000] com.example.rpc.Server: Call failed',
      '\tat com.example.rpc.Server.handle(Server.java:42)',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'java');
    assert.deepEqual(parser.parse(sample[2]), { message: 'Call failed', level: 'ERROR', timestamp: local(2023, 4, 2, 8, 15, 2, 789), component: 'com.example.rpc.Server' });
    const trace = parser.parse(sample[3]);
    assert.equal(trace.message, sample[3]);
    assert.equal(trace.level, undefined);
  });

  it('log4j2/logback default: time [thread] LEVEL logger - message is named java (the logger read after the thread)', () => {
    const sample = [
      '2024-06-01 12:30:45.123 [main] ERROR com.x.App - boom',
      '2024-06-01 12:30:45.124 [main] WARN  com.x.App - slow',
      '2024-06-01 12:30:46.001 [http-nio-8080-exec-1] INFO  o.s.web.servlet.DispatcherServlet - Completed initialization in 3 ms',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'java', parser.format.description);
    const parsed = parser.parse(sample[2]);
    assert.equal(parsed.component, 'o.s.web.servlet.DispatcherServlet');
    assert.equal(parsed.message, 'Completed initialization in 3 ms');
  });

  it('HDFS-style: yyMMdd HHmmss, pid, level, component', () => {
    const sample = [
      '230105 101500 31 INFO dfs.DataNode: Receiving block blk_123 src: /10.0.0.1:5000',
      '230105 101501 31 WARN dfs.DataNode: Slow BlockReceiver write data to disk cost:512ms',
      '230105 101502 44 INFO dfs.FSNamesystem: BLOCK* allocateBlock: /user/a/part-0001',
    ];
    const parser = createLineParser(sample);
    const line = parser.parse(sample[1]);
    assert.equal(line.level, 'WARN');
    assert.equal(line.timestamp, local(2023, 1, 5, 10, 15, 1));
    assert.equal(line.message, 'Slow BlockReceiver write data to disk cost:512ms');
    assert.equal(parser.parse(sample[2]).message, 'BLOCK* allocateBlock: /user/a/part-0001');
  });

  it('syslog: time, host, tag[pid]: message; a level at the start of the message is read', () => {
    const sample = [
      'Jun  3 04:02:01 web1 CRON[2211]: (root) CMD (run-parts /etc/cron.hourly)',
      'Jun  3 04:02:07 web1 sshd[3001]: error: kex_exchange_identification: Connection closed',
      'Jun  3 04:03:00 web1 kernel: [ 12.345] eth0: link up',
    ];
    const parser = createLineParser(sample, { referenceTime: reference });
    assert.equal(parser.format.id, 'syslog');
    const line = parser.parse(sample[1]);
    assert.equal(line.component, 'sshd[3001]');
    assert.equal(line.level, 'ERROR');
    assert.equal(line.message, 'error: kex_exchange_identification: Connection closed');
    assert.equal(line.timestamp, local(2024, 6, 3, 4, 2, 7));
    assert.equal(parser.parse(sample[2]).message, '[ 12.345] eth0: link up');
  });

  it('JSON lines: level/severity/lvl, numeric pino levels, msg/message, time fields', () => {
    const sample = [
      '{"time":"2024-02-01T10:00:00Z","level":"info","msg":"listening","port":8080}',
      '{"ts":1706781600.5,"severity":"WARNING","message":"slow request","ms":900}',
      '{"time":1706781601000,"level":50,"msg":"request failed","name":"api"}',
      '{"@timestamp":"2024-02-01T10:00:02Z","lvl":"eror","msg":"x"}',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'json');
    assert.deepEqual(parser.parse(sample[0]), { message: 'listening', level: 'INFO', timestamp: Date.UTC(2024, 1, 1, 10) });
    assert.deepEqual(parser.parse(sample[1]), { message: 'slow request', level: 'WARN', timestamp: 1706781600500 });
    assert.deepEqual(parser.parse(sample[2]), { message: 'request failed', level: 'ERROR', timestamp: 1706781601000, component: 'api' });
    assert.equal(parser.parse('not json at all').message, 'not json at all');
  });

  it('logfmt: level=, msg= (quoted), time=', () => {
    const sample = [
      'time=2024-02-01T10:00:00Z level=info msg="server started" addr=:8080',
      'time=2024-02-01T10:00:01Z level=warn msg="disk almost full" used=91%',
      'time=2024-02-01T10:00:02Z level=error msg="write failed: \\"no space\\"" path=/var/data',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'logfmt');
    assert.deepEqual(parser.parse(sample[2]), { message: 'write failed: "no space"', level: 'ERROR', timestamp: Date.UTC(2024, 1, 1, 10, 0, 2) });
    assert.equal(parser.parse(sample[1]).level, 'WARN');
  });

  it('[LEVEL] lines (the seed\'s format)', () => {
    const sample = [
      '2024-03-01 12:00:00 [INFO] Service started',
      '2024-03-01 12:00:05 [ERROR] Database connection failed: timeout after 30s',
      '2024-03-01 12:00:09 [WARN] Retrying in 5s',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'bracket-level');
    assert.deepEqual(parser.parse(sample[1]), { message: 'Database connection failed: timeout after 30s', level: 'ERROR', timestamp: local(2024, 3, 1, 12, 0, 5) });
  });

  it('bare levels after a timestamp, and pipe-separated fields', () => {
    const bare = createLineParser(['2024-03-01T12:00:00Z ERROR payment declined', '2024-03-01T12:00:01Z INFO ok', '2024-03-01T12:00:02Z W low balance']);
    assert.equal(bare.parse('2024-03-01T12:00:00Z ERROR payment declined').level, 'ERROR');
    assert.equal(bare.parse('2024-03-01T12:00:00Z ERROR payment declined').message, 'payment declined');
    const piped = createLineParser(['20240301-12:00:00:123|Sync|4411|start 3', '20240301-12:00:01:456|Sync|4411|stop 9']);
    assert.equal(piped.parse('20240301-12:00:01:456|Sync|4411|stop 9').timestamp, local(2024, 3, 1, 12, 0, 1, 456));
  });

  it('nested [brackets] and a dash before the message; yy/MM/dd log4j; labels, epochs and node ids before a level', () => {
    const zoo = createLineParser([
      '2021-02-03 04:05:06,007 - INFO  [Worker[id=2]/0:0:0:0:9000:Election@77] - Vote timed out: 400',
      '2021-02-03 04:05:07,008 - WARN  [Sender:42:Manager$Sender@12] - Sender leaving',
    ]);
    assert.deepEqual(zoo.parse('2021-02-03 04:05:07,008 - WARN  [Sender:42:Manager$Sender@12] - Sender leaving'), { message: 'Sender leaving', level: 'WARN', timestamp: local(2021, 2, 3, 4, 5, 7, 8) });
    const spark = createLineParser(['19/01/02 03:04:05 INFO storage.Store: Block b_1 stored', '19/01/02 03:04:06 ERROR exec.Runner: Task 3 lost']);
    assert.deepEqual(spark.parse('19/01/02 03:04:06 ERROR exec.Runner: Task 3 lost'), { message: 'Task 3 lost', level: 'ERROR', timestamp: local(2019, 1, 2, 3, 4, 6), component: 'exec.Runner' });
    const labelled = createLineParser([
      '- 1600000000 2020.09.13 R1-N2:J3 2020-09-13-12.26.40.000100 R1-N2:J3 SYS KERN INFO cache line corrected',
      'ALRT 1600000001 2020.09.13 R1-N4:J3 2020-09-13-12.26.41.000200 R1-N4:J3 SYS APP FATAL cannot read from socket',
    ]);
    const fatal = labelled.parse('ALRT 1600000001 2020.09.13 R1-N4:J3 2020-09-13-12.26.41.000200 R1-N4:J3 SYS APP FATAL cannot read from socket');
    assert.equal(fatal.level, 'FATAL');
    assert.equal(fatal.message, 'cannot read from socket');
    assert.equal(fatal.timestamp, 1600000001000);
  });

  it('unknown layouts: the whole line is the message, no level, no timestamp', () => {
    const sample = ['hello world', 'the quick brown fox', 'ERROR here is not a header anyway'];
    const parser = createLineParser(sample);
    assert.equal(parser.format.id, 'unknown');
    assert.deepEqual(parser.parse('the quick brown fox'), { message: 'the quick brown fox', level: undefined });
    assert.equal(createLineParser([]).format.id, 'unknown');
  });

  it('learns the header most lines share, not one line\'s accident', () => {
    const sample = [
      '2024-03-01 12:00:00 INFO [main] app.Server: ready',
      '2024-03-01 12:00:01 INFO [main] app.Server: listening: 8080',
      '2024-03-01 12:00:02 WARN [io-1] app.Net: 3 retries: giving up',
      'continuation text: without a header',
    ];
    const parser = createLineParser(sample);
    assert.equal(parser.parse(sample[1]).message, 'listening: 8080');
    assert.equal(parser.parse(sample[2]).message, '3 retries: giving up');
    assert.equal(parser.parse(sample[3]).message, sample[3]);
  });

  it('a message repeated on every line is not a header: `(110:` inside a parenthesis is no component, `sshd(pam_unix)[1]:` is', () => {
    // Journal MESSAGEs carry no header; one unit's few lines may all be the same event.
    const upstream = 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.';
    const sample = [1, 2, 3].map((n) => upstream + n);
    const parser = createLineParser(sample);
    for (const line of sample) assert.deepEqual(parser.parse(line).message, line);
    assert.equal(parser.parse(sample[0]).component, undefined);
    const pam = ['sshd(pam_unix)[20898]: session opened for user a', 'sshd(pam_unix)[20899]: session closed for user b', 'sshd(pam_unix)[20900]: authentication failure'];
    const pamParser = createLineParser(pam);
    assert.equal(pamParser.parse(pam[0]).component, 'sshd(pam_unix)[20898]');
    assert.equal(pamParser.parse(pam[2]).message, 'authentication failure');
  });

  it('tab-separated records with a time and a level are a layout even when a runtime writes its own lines between them', () => {
    const id = '8f5a1b2c-3d4e-4f60-8a7b-9c0d1e2f3a4b';
    // AWS Lambda's text format: <time>\t<request id>\t<LEVEL>\t<message>, with START/END/REPORT lines of the runtime.
    const lambda = [
      `START RequestId: ${id} Version: $LATEST`,
      `2026-11-29T10:15:00.001Z\t${id}\tINFO\tprocessing order 42`,
      `2026-11-29T10:15:02.123Z\t${id}\tERROR\tInvoke Error \t{"errorType":"Error"}`,
      `END RequestId: ${id}`,
      `REPORT RequestId: ${id}\tDuration: 2203.45 ms\tBilled Duration: 2204 ms`,
    ];
    const parser = createLineParser(lambda);
    assert.notEqual(parser.format.id, 'unknown');
    assert.match(parser.format.description, /tab-separated/);
    // The object after a tab is the record's fields (as zap's console writes them), not its statement's text.
    assert.deepEqual(parser.parse(lambda[2]), { message: 'Invoke Error', timestamp: Date.UTC(2026, 10, 29, 10, 15, 2, 123), level: 'ERROR' });
    // The runtime's own lines are records of their own: no level, and none taken from the ERROR above.
    for (const line of [lambda[0], lambda[3], lambda[4]]) assert.equal(parser.parse(line).standalone, true, line);
    assert.equal(parser.parse(lambda[3]).level, undefined);
    // A stack frame under a tab-separated record still continues it.
    assert.equal(parser.parse('    at Runtime.handler (file:///var/task/index.mjs:12:11)').standalone, undefined);
    // So do a Go stack's unindented lines (zap's console encoder is tab-separated too).
    for (const frame of ['goroutine 1 [running]:', 'main.(*Server).handle', 'net/http.HandlerFunc.ServeHTTP(0x0?, {0x1, 0x2})']) assert.equal(parser.parse(frame).standalone, undefined, frame);

    // The same kind without a request id, level first, a different runtime's lines: tab-separated columns, not Lambda.
    const columns = ['job 17 started', '2026-11-29 10:00:00,000\tWARN\tqueue\tslow consumer', 'job 17 checkpoint', '2026-11-29 10:00:02,000\tERROR\tqueue\tlost message 4', 'job 17 done', 'job 18 started'];
    const other = createLineParser(columns);
    assert.equal(other.parse(columns[3]).level, 'ERROR');
    assert.equal(other.parse(columns[4]).standalone, true);

    // One tabbed line among prose is not a layout; space-separated headers keep the majority rule.
    assert.equal(createLineParser(['first remark', 'second remark', 'third remark', '2026-11-29T10:15:00Z\tERROR\tonce', 'fourth remark']).format.id, 'unknown');
    const spaced = ['job started', '2026-11-29T10:15:00Z ERROR a', 'job checkpoint', '2026-11-29T10:15:01Z WARN b', 'job done', 'job gone'];
    assert.equal(createLineParser(spaced).format.id, 'unknown');
  });
});
