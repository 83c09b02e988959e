// Where Summarize Errors is offered by file name (the menus' `resourceFilename` clauses of package.json), against the
// logs server's own test of a log file's name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLogFileName } from '../../servers/logs/files/log-files';
import { LISTED_LOG_FILES_CONTEXT, MORE_LOG_FILES_COMMAND, MORE_LOG_FILES_CONTEXT } from '../../src/views/log-items';

const root = join(__dirname, '..', '..');
// Summarize Errors is offered on a file in the Explorer, the editor's title and its context menu, and in the palette,
// when the file's name is one the logs server lists as a log (servers/logs/files/log-files.ts), so that `catalina.out`,
// `syslog` or `app.log.2024-05-01` shown in Log Files can be summarised from the Explorer too. `.txt` and `.json` are
// left out of the menus: the server reads them when they sit in a log folder, but most such files in a workspace are
// not logs (package.json, notes.txt), and a menu entry on each would be noise: those the Log Files tree lists are
// offered by their paths (LISTED_LOG_FILES_CONTEXT).
describe('where Summarize Errors is offered (package.json menus)', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } };
  const clauses = Object.entries(manifest.contributes.menus).flatMap(([menu, items]) =>
    items.filter((i) => i.command === 'devopsAssistant.summarizeErrors' && i.when?.includes('resourceFilename')).map((i) => [menu, i.when ?? ''] as const),
  );
  const LOGS = ['app.log', 'app.log.1', 'app.log.2.gz', 'catalina.out', 'worker.err', 'events.jsonl', 'events.ndjson', 'app.log.2024-05-01', 'app.log.20240501.gz', 'syslog', 'syslog.1', 'messages', 'access_log', 'error_log.2.gz', 'kern.log', 'nohup.out', 'app.LOG', 'worker.out.1', 'messages.1', 'syslog.2.gz', '결제-서버.log', 'celery worker.log', 'access.log-20261201', 'access.log-20261201.gz', 'app.log-2026-12-01', 'messages-20261201', 'secure', 'maillog-20261201.gz',
    // break31: rotations compressed otherwise than with gzip, which the logs server reads since charset22.
    'app.log.2.xz', 'syslog.3.bz2', 'app.log.1.zst', 'access.log-20261201.lz4',
    // follow37: the JVM's GC log rotation marks the file being written `.current`; Serilog's compact JSON is `.clef`.
    'gc.log.0.current', 'log-20261203.clef',
    // fmt30: a tracer's `.trace`, the previous run's `.log.old`, RHEL's `cron`/`spooler` and Apache's `ssl_access_log`, Debian's `mail.warn`.
    'app.trace', 'Xorg.0.log.old', 'cron', 'spooler-20261201', 'kern', 'ssl_access_log', 'ssl_request_log.1', 'mail.warn'];
  const NOT_LOGS = ['package.json', 'notes.txt', 'main.ts', 'log.md', 'catalog', 'blog', 'app.logger.js', 'logo.png', 'blog.md', 'syslog.conf', 'messages.ts', 'output.log.bak', 'messages-old', 'secure.ts', 'app.log-backup', 'notes.current', 'cron.d', 'crontab', 'current.ts', 'access_log.md', 'kernel.py'];

  it('finds the menus (Explorer, editor title and context, palette)', () => {
    assert.deepEqual(clauses.map(([menu]) => menu).sort(), ['commandPalette', 'editor/context', 'editor/title/context', 'explorer/context']);
  });

  // break32: a `.csv` log in logs/ was in Log Files with "2 errors", yet its right-click in the Explorer had no entry.
  it('offers it in every menu on the files Log Files lists, whatever their names (the context key the tree sets)', () => {
    for (const [menu, when] of clauses) assert.ok(when.includes(`|| resourcePath in ${LISTED_LOG_FILES_CONTEXT}`), `${menu}: ${when}`);
  });

  it('tests the same names in every menu', () => {
    assert.equal(new Set(clauses.map(([, when]) => /resourceFilename =~ (\/.+?\/[a-z]*)(?: |$)/.exec(when)?.[1])).size, 1);
  });

  it('offers it on every file name the logs server lists as a log, but .txt and .json', () => {
    assert.deepEqual(LOGS.filter((name) => !isLogFileName(name)), [], 'the samples are names the server lists');
    for (const [menu, when] of clauses) {
      const literal = /resourceFilename =~ \/(.+?)\/(i?)(?: |$)/.exec(when);
      assert.ok(literal, `${menu}: ${when}`);
      const pattern = new RegExp(literal[1], literal[2]);
      assert.deepEqual(LOGS.filter((name) => !pattern.test(name)), [], `${menu} leaves out log files`);
      assert.deepEqual(NOT_LOGS.filter((name) => pattern.test(name)), [], `${menu} offers it on files that are not logs`);
    }
  });
});

// break34: "N more log files…" was reachable only at the end of a hundred tree rows; the palette offers it while the
// tree has that item (the context key the tree sets), and never before the listing is read (the pick would be empty).
describe('where "More Log Files" is offered (package.json menus)', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } };
  it('is in the palette while Log Files has its item', () => {
    const entries = manifest.contributes.menus.commandPalette.filter((i) => i.command === MORE_LOG_FILES_COMMAND);
    assert.deepEqual(entries.map((i) => i.when), [MORE_LOG_FILES_CONTEXT]);
  });
});
