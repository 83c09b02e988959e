// The names a client passes as `file`. A user says "look at /var/log/nginx/error.log", and the model passes that path:
// it was refused ("absolute paths are not allowed") although the server was given /var/log, and a bare `spring.log`
// for `app/spring.log` got a list of twenty other files (break25). An absolute path inside a log directory is that
// directory's file, checked as any name is (links out, `..`, FIFOs still refused); a name without its folder names
// the files it may mean.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLogFiles, openLogFile, prepareDirs, type LogDir } from '../../../servers/logs/files/log-files';

describe('logs: file names as clients pass them', function () {
  let root: string;
  let dirs: LogDir[];
  const available = async () => (await listLogFiles(dirs)).files;
  const open = async (name: string) => {
    const opened = await openLogFile(dirs, name, available);
    await opened.handle.close();
    return opened;
  };

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'logs-names-'));
    for (const dir of ['a', 'b']) {
      mkdirSync(join(root, dir, 'nginx'), { recursive: true });
      writeFileSync(join(root, dir, 'app.log'), `${dir}: 2026-12-02 10:00:00 ERROR x\n`);
    }
    writeFileSync(join(root, 'a', 'nginx', 'error.log'), '2026/12/02 10:00:00 [error] 1#1: x\n');
    mkdirSync(join(root, 'a', 'app'));
    writeFileSync(join(root, 'a', 'app', 'spring.log'), '2026-12-02 10:00:00.000 ERROR 1 --- [main] x : y\n');
    writeFileSync(join(root, 'outside.log'), 'secret\n');
    symlinkSync(join(root, 'outside.log'), join(root, 'a', 'link-out.log'));
    // A configured folder reached through a link (/var/log -> /data/log): paths through either are its files.
    symlinkSync(join(root, 'b'), join(root, 'b-link'));
    dirs = await prepareDirs([join(root, 'a'), join(root, 'b-link')]);
  });
  after(() => root && rmSync(root, { recursive: true, force: true }));

  it('opens an absolute path inside a log directory as that directory\'s file, never a namesake in another', async () => {
    const nginx = await open(join(root, 'a', 'nginx', 'error.log'));
    assert.equal(nginx.info.relativePath, 'nginx/error.log');
    assert.equal(nginx.info.dir, join(root, 'a'));
    // b's app.log, by the configured (linked) path and by the real one; a's app.log has the same relative name.
    for (const path of [join(root, 'b-link', 'app.log'), join(root, 'b', 'app.log')]) {
      const b = await open(path);
      assert.equal(b.info.dir, join(root, 'b-link'), path);
      assert.equal(b.info.relativePath, 'app.log');
    }
  });

  it('still refuses an absolute path outside the directories, `..` and a link out, saying which folders it reads', async () => {
    await assert.rejects(open(join(root, 'outside.log')), (e: Error) => /absolute paths are not allowed outside the log directories/.test(e.message) && e.message.includes(join(root, 'a')));
    await assert.rejects(open('/etc/passwd'), /absolute paths are not allowed/);
    await assert.rejects(open(`${join(root, 'a')}/../outside.log`), /"\.\." is not allowed/);
    await assert.rejects(open(join(root, 'a', 'link-out.log')), /points outside the log directories/);
  });

  it('names the files a name without its folder may mean', async () => {
    await assert.rejects(open('spring.log'), /^Error: no such log file: spring\.log; did you mean a\/app\/spring\.log\?; available: /);
    await assert.rejects(open('error.log'), /did you mean a\/nginx\/error\.log\?/);
    await assert.rejects(open('missing.log'), (e: Error) => !e.message.includes('did you mean') && /^no such log file: missing\.log; available: /.test(e.message));
  });
});
