// Levels and times of common real-world layouts (lines written from each format's documentation), a few lines each:
// the small-file detection and the spelled-level fallback must read them all (issue 11).
import assert from 'node:assert/strict';
import { createLineParser } from '../../../servers/logs/format/detect';

const cases: Record<string,[string,string|undefined][]> = {
  'nginx-error': [['2024/06/01 12:30:45 [error] 123#0: *1 connect() failed (111: Connection refused)','ERROR'],['2024/06/01 12:30:46 [warn] 123#0: *2 an upstream response is buffered','WARN'],['2024/06/01 12:30:47 [notice] 1#1: start worker processes','INFO']],
  // PostgreSQL's LOG is information for administrators: its own syslog and event-log mapping make it INFO (break37s).
  postgres: [['2024-06-01 12:30:45.123 UTC [123] ERROR:  relation "x" does not exist','ERROR'],['2024-06-01 12:30:45.124 UTC [123] STATEMENT:  select * from x',undefined],['2024-06-01 12:30:46.000 UTC [124] WARNING:  there is no transaction in progress','WARN'],['2024-06-01 12:30:47.000 UTC [125] LOG:  checkpoint starting: time','INFO']],
  mysql: [['2024-06-01T12:30:45.123456Z 0 [ERROR] [MY-010119] [Server] Aborting','ERROR'],['2024-06-01T12:30:45.123456Z 0 [Warning] [MY-010068] [Server] CA certificate is self signed.','WARN'],['2024-06-01T12:30:45.123456Z 0 [System] [MY-010931] [Server] ready for connections','INFO']],
  redis: [['1:M 01 Jun 2024 12:30:45.123 # Warning: no config file specified','WARN'],['1:M 01 Jun 2024 12:30:45.124 * Ready to accept connections','INFO'],['1:M 01 Jun 2024 12:30:46.000 # Error accepting a client connection','WARN']],
  mongo: [['{"t":{"$date":"2024-06-01T12:30:45.123+00:00"},"s":"E","c":"NETWORK","id":23456,"ctx":"conn1","msg":"Error receiving request"}','ERROR'],['{"t":{"$date":"2024-06-01T12:30:45.123+00:00"},"s":"W","c":"CONTROL","id":22120,"ctx":"initandlisten","msg":"Access control is not enabled"}','WARN'],['{"t":{"$date":"2024-06-01T12:30:45.123+00:00"},"s":"I","c":"NETWORK","id":1,"ctx":"x","msg":"Connection accepted"}','INFO']],
  es: [['{"@timestamp":"2024-06-01T12:30:45.123Z", "log.level": "ERROR", "message":"failed to index", "ecs.version": "1.2.0","service.name":"ES_ECS"}','ERROR'],['{"@timestamp":"2024-06-01T12:30:45.123Z", "log.level": "WARN", "message":"disk watermark"}','WARN']],
  kafka: [['[2024-06-01 12:30:45,123] ERROR Error while fetching metadata (kafka.server.ReplicaFetcherThread)','ERROR'],['[2024-06-01 12:30:45,124] WARN [Producer clientId=x] retrying (org.apache.kafka.clients.producer.internals.Sender)','WARN'],['[2024-06-01 12:30:45,125] INFO started (kafka.server.KafkaServer)','INFO']],
  zap: [['2024-06-01T12:30:45.123Z\tERROR\tserver/main.go:42\tfailed to start\t{"error": "boom"}','ERROR'],['2024-06-01T12:30:45.124Z\tINFO\tserver/main.go:40\tstarting','INFO'],['2024-06-01T12:30:45.125Z\tWARN\tserver/main.go:41\tslow','WARN']],
  rails: [['E, [2024-06-01T12:30:45.123456 #1234] ERROR -- : boom','ERROR'],['I, [2024-06-01T12:30:45.123456 #1234]  INFO -- : Started GET "/"','INFO'],['W, [2024-06-01T12:30:45.123456 #1234]  WARN -- : slow','WARN']],
  monolog: [['[2024-06-01T12:30:45.123456+00:00] app.ERROR: boom {"exception":"x"} []','ERROR'],['[2024-06-01T12:30:45.123456+00:00] app.INFO: ok [] []','INFO'],['[2024-06-01T12:30:45.123456+00:00] request.WARNING: slow [] []','WARN']],
  django: [['ERROR 2024-06-01 12:30:45,123 log 123 456 Internal Server Error: /x','ERROR'],['WARNING 2024-06-01 12:30:45,124 log 123 456 Not Found: /y','WARN'],['INFO 2024-06-01 12:30:45,125 basehttp 1 2 "GET / HTTP/1.1" 200 10','INFO']],
  golog: [['2024/06/01 12:30:45 server started',undefined],['2024/06/01 12:30:46 ERROR: cannot connect','ERROR'],['2024/06/01 12:30:47 http: panic serving 1.2.3.4: boom',undefined]],
  // Serilog's compact JSON (CLEF): a record without `@l` is Information, as the format defines it.
  serilog: [['{"@t":"2024-06-01T12:30:45.123Z","@mt":"Failed {Id}","@l":"Error","Id":1}','ERROR'],['{"@t":"2024-06-01T12:30:45.123Z","@mt":"Started"}','INFO'],['{"@t":"2024-06-01T12:30:45.123Z","@mt":"Slow","@l":"Warning"}','WARN']],
  windows: [['2024-06-01 12:30:45, Error                 CBS    Failed to load the package [HRESULT = 0x800f0805]','ERROR'],['2024-06-01 12:30:45, Info                  CBS    Loaded Servicing Stack','INFO'],['2024-06-01 12:30:46, Warning               CBS    slow','WARN']],
  python: [['2024-06-01 12:30:45,123 ERROR [app.views] boom','ERROR'],['2024-06-01 12:30:45,124 WARNING [app.views] careful','WARN']],
  haproxy: [['<134>Jun  1 12:30:45 lb haproxy[123]: 10.0.0.1:5000 [01/Jun/2024:12:30:45.123] fe be/s1 0/0/1/2/3 503 212 - - SC-- 1/1/0/0/0 0/0 "GET / HTTP/1.1"','ERROR'],['<131>Jun  1 12:30:46 lb haproxy[123]: Server be/s1 is DOWN','ERROR']],
  log4j2: [['2024-06-01 12:30:45.123 [main] ERROR com.x.App - boom','ERROR'],['java.lang.IllegalStateException: boom',undefined],['\tat com.x.App.main(App.java:10)',undefined],['2024-06-01 12:30:45.124 [main] WARN  com.x.App - slow','WARN']],
  gcp: [['{"severity":"ERROR","message":"boom","timestamp":"2024-06-01T12:30:45.123Z","logging.googleapis.com/trace":"x"}','ERROR']],
  elasticsearch_plain: [['[2024-06-01T12:30:45,123][ERROR][o.e.b.Bootstrap          ] [node-1] node validation exception','ERROR'],['[2024-06-01T12:30:45,124][WARN ][o.e.c.r.a.DiskThresholdMonitor] [node-1] high disk watermark','WARN']],
  apache_access: [['127.0.0.1 - - [01/Jun/2024:12:30:45 +0000] "GET / HTTP/1.1" 500 123 "-" "curl"','ERROR']],
  syslog_plain: [['Jun  1 12:30:45 host sshd[123]: error: Could not load host key','ERROR'],['Jun  1 12:30:46 host kernel: [ 1.0] Out of memory: Killed process 1',undefined]],
};

describe('log formats: levels and times of common layouts, a few lines each', () => {
  for (const [name, rows] of Object.entries(cases)) {
    it(name, () => {
      const parser = createLineParser(rows.map((r) => r[0]), { referenceTime: Date.UTC(2024, 11, 1) });
      for (const [line, level] of rows) {
        const parsed = parser.parse(line);
        assert.equal(parsed.level, level, `${line} (${parser.format.id})`);
        if (!/^(java|\t)/.test(line)) assert.notEqual(parsed.timestamp, undefined, `time of ${line}`);
      }
    });
  }
});
