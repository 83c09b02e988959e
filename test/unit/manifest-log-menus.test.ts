// Where "Summarize Errors" is offered on a file (Explorer, editor title and context menus, the palette): on the names
// the logs server lists as log files (break22: syslog and worker.out were in the Log Files tree with their error
// counts, but right-clicking them in the Explorer offered no Summarize Errors, which only took *.log).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLogFileName } from '../../servers/logs/files/log-files';

interface MenuItem {
  command: string;
  when?: string;
}
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } };

/** The `resourceFilename =~ /…/flags` regex of every menu entry of Summarize Errors that tests the file name. */
function fileNameRules(): RegExp[] {
  return Object.values(manifest.contributes.menus)
    .flat()
    .filter((item) => item.command === 'devopsAssistant.summarizeErrors' && item.when?.includes('resourceFilename'))
    .map((item) => {
      const match = /resourceFilename =~ \/(.+?)\/([a-z]*)(?: |$)/.exec(item.when!);
      assert.ok(match, `no regex in ${item.when}`);
      return new RegExp(match[1], match[2]);
    });
}

describe('Summarize Errors menus and the log file names', () => {
  const rules = fileNameRules();

  it('every menu tests the same names', () => {
    assert.ok(rules.length >= 4, 'palette, Explorer, editor title and editor context');
    assert.equal(new Set(rules.map(String)).size, 1);
  });

  it('offers it on the names the logs server lists, and not on other files', () => {
    const [rule] = rules;
    const logs = ['app.log', 'app.LOG', 'app.log.1', 'app.log.2.gz', 'worker.out', 'worker.err', 'worker.out.1', 'syslog', 'messages.1', 'syslog.2.gz', 'kern.log', 'catalina.out', 'app.log.2026-12-01', 'app.log.20261201.gz', '결제-서버.log', 'celery worker.log'];
    for (const name of logs) {
      assert.ok(rule.test(name), `${name} gets the menu`);
      assert.ok(isLogFileName(name), `${name} is a log file for the logs server too`);
    }
    for (const name of ['package.json', 'notes.txt', 'app.ts', 'logo.png', 'catalog', 'blog.md', 'syslog.conf', 'messages.ts', 'output.log.bak']) {
      assert.ok(!rule.test(name), `${name} gets no menu`);
    }
  });
});
