// A line without a header whose text opens with a level word (`Error starting ApplicationContext. …`, which Spring Boot
// 2.x prints at INFO under ConditionEvaluationReportLoggingListener in every failed start:
// https://github.com/eh3rrera/graphql-java-spring-boot-example/issues/15) was read as an ERROR entry of its own, and
// error_summary counted it beside the real "Application run failed" (break25). A word at the start of a message is a
// level only in the form the file's level column writes (`ERROR`), or in a level's own marks (`Error:`, `[error]`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parserFor } from '../../../servers/logs/format/parser';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const stamp = (minutesAgo: number): string => {
  const d = new Date(Date.now() - minutesAgo * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
};

/** A failed Spring Boot 2.x start, as its default console layout writes it (CRLF, as break25's input). */
const spring = (odd: string): string[] => [
  `${stamp(9)}  INFO 18276 --- [           main] c.e.S.SpringBootCrudApplication          : Starting SpringBootCrudApplication using Java 20.0.1 with PID 18276`,
  `${stamp(8)}  INFO 18276 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Starting...`,
  `${stamp(7)}  WARN 18276 --- [           main] o.h.e.j.e.i.JdbcEnvironmentInitiator     : HHH000342: Could not obtain connection to query metadata`,
  `${stamp(6)}  INFO 18276 --- [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Shutdown initiated...`,
  `${stamp(5)}  INFO 18276 --- [           main] ConditionEvaluationReportLoggingListener : `,
  '',
  odd,
  `${stamp(4)} ERROR 18276 --- [           main] o.s.boot.SpringApplication               : Application run failed`,
  '',
  "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer' defined in class path resource",
  '        at org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1786) ~[spring-beans-5.2.1.RELEASE.jar!/:5.2.1.RELEASE]',
];

const REPORT = "Error starting ApplicationContext. To display the conditions report re-run your application with 'debug' enabled.";

const levelOf = (lines: string[], line: string) => parserFor(Buffer.from(lines.join('\r\n') + '\r\n'), true, Date.now()).parse(line).level;

describe('logs: a sentence that opens with a level word is not a level', function () {
  this.timeout(60_000);

  it('reads no level from a word in a case the level column never writes, and keeps the column\'s own forms', () => {
    assert.equal(levelOf(spring(REPORT), REPORT), undefined);
    // Neighbours: other level words and cases of the same kind.
    for (const odd of ['Warning about to overwrite the cached schema', 'error budget recalculated for 3 services', 'Fatal flaw detected in retry policy']) {
      assert.equal(levelOf(spring(odd), odd), undefined, odd);
    }
    // The column's own form, and a level's or a report's marks, are levels still.
    assert.equal(levelOf(spring('ERROR something failed bare'), 'ERROR something failed bare'), 'ERROR');
    assert.equal(levelOf(spring('Error: Could not find or load main class com.example.App'), 'Error: Could not find or load main class com.example.App'), 'ERROR');
  });

  describe('through error_summary', () => {
    let dir = '';
    let server: StartedServer;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'logs-prose-level-'));
      writeFileSync(join(dir, 'spring.log'), spring(REPORT).join('\r\n') + '\r\n');
      server = await startBuiltServer('logs', { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' });
    });
    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('counts the one error of a failed start, not the INFO report\'s sentence', async () => {
      const result = (await server.client.callTool({ name: 'error_summary', arguments: { file: 'spring.log', hours: 1 } })) as CallToolResult;
      assert.ok(!result.isError, JSON.stringify(result.content));
      const data = result.structuredContent as Data;
      assert.equal(data.totalErrors, 1, JSON.stringify(data.groups));
      assert.match((data.groups as Data[])[0].template, /Application run failed/);
    });
  });
});
