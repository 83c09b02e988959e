// leftovers26: names are listed with their invisible and bidi characters written out (`fix-\u202Etxt.log`,
// servers/shared/invisible.ts), and a model copies that shown form back into `file` or `unit`. It was "no such log
// file": the server looked for the text `\u202E`, not the character. A name passed back is read as the listing shows
// names (readInvisibleEscapes, exact for showInvisible's own output); a name that only exists as typed is still found,
// and when both exist the call says which one it read. Real files and a real journal file (systemd-journal-remote).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { escapeInvisible } from '../../../servers/shared/invisible';
import { hasJournalTools, writeJournal } from '../../support/journal-fixture';
import { startBuiltServer, type StartedServer } from '../../support/mcp-client';

const NOW = Math.floor(Date.now() / 1000) * 1000;
const line = (level: string, text: string) => `${new Date(NOW - 60_000).toISOString()} ${level} ${text}\n`;

describe('logs: names listed with an escape, passed back', function () {
  this.timeout(180_000);
  let dir: string;
  let journalDir: string;
  let server: StartedServer;
  const journal = hasJournalTools();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'logs-invisible-names-'));
    journalDir = mkdtempSync(join(tmpdir(), 'logs-invisible-journal-'));
    writeFileSync(join(dir, 'fix-\u202etxt.log'), line('ERROR', 'disk full on /data'));
    // Two names that differ only in how \u200B is read: the character, and the six characters typed out.
    writeFileSync(join(dir, 'both-\u200b.log'), line('ERROR', 'the zero-width one'));
    writeFileSync(join(dir, 'both-\\u200B.log'), line('ERROR', 'the typed-out one'));
    const env: Record<string, string> = { LOG_DIRS: dir, LOG_JOURNAL: 'off', LOG_DOCKER: 'off' };
    if (journal) {
      env.LOG_JOURNAL_FILES = writeJournal(journalDir, 'remote', [
        { time: NOW - 60_000, host: 'web-1', unit: 'pay\u202emen.service', identifier: 'pay', priority: 3, message: 'payment refused: card expired' },
        { time: NOW - 50_000, host: 'web-1', unit: 'api.service', identifier: 'api', priority: 6, message: 'request ok' },
      ]);
    }
    server = await startBuiltServer('logs', env);
  });
  after(async () => {
    await server?.close();
    for (const d of [dir, journalDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  async function call(name: string, args: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown> & { notes?: string[] } }> {
    const result = (await server.client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 })) as CallToolResult;
    const text = JSON.stringify(result.content);
    assert.ok(!result.isError, `${name} ${JSON.stringify(args)}: ${text.slice(0, 400)}`);
    return { text: JSON.stringify(result.structuredContent), structured: result.structuredContent as Record<string, unknown> & { notes?: string[] } };
  }

  async function listing(): Promise<{ files: { name: string }[]; sources: { name: string }[] }> {
    const [content] = (await server.client.readResource({ uri: 'logs://files' })).contents;
    return JSON.parse('text' in content ? content.text : '{}');
  }

  it('every tool reads a file by the name as the trees and the chat show it', async () => {
    // logs://files gives the names as they are; what a person sees (and copies) is them with escapes (escapeInvisible).
    const names = (await listing()).files.map((f) => escapeInvisible(f.name)).sort();
    assert.deepEqual(names, ['both-\\u200B.log', 'both-\\u200B.log', 'fix-\\u202Etxt.log']);
    const shown = 'fix-\\u202Etxt.log';
    assert.match((await call('search_logs', { file: shown, pattern: 'disk' })).text, /disk full on \/data/);
    assert.match((await call('recent_logs', { file: shown })).text, /disk full on \/data/);
    assert.match((await call('error_summary', { file: shown })).text, /disk full on \/data/);
    assert.match((await call('log_patterns', { file: shown })).text, /disk full on/);
    // A resource URI made from the shown name reads the same file.
    const [tail] = (await server.client.readResource({ uri: `logs://file/${encodeURIComponent(shown)}` })).contents;
    assert.match('text' in tail ? tail.text : '', /disk full on \/data/);
    // The name as it is on disk (a client that read it elsewhere) is still that file.
    assert.match((await call('search_logs', { file: 'fix-\u202etxt.log', pattern: 'disk' })).text, /disk full on \/data/);
  });

  it('reads each of two names as listed, and says so when the name given is also the other file\'s own', async () => {
    const zeroWidth = await call('search_logs', { file: 'both-\\u200B.log', pattern: 'one' });
    assert.match(zeroWidth.text, /the zero-width one/);
    assert.doesNotMatch(zeroWidth.text, /the typed-out one/);
    // `both-\u200B.log` is the zero-width file's listed name and the typed-out file's name on disk: the listing's
    // reading is taken, and the note names the other.
    assert.ok(zeroWidth.structured.notes?.some((n) => n.includes('both-\\u200B.log') && /as names are shown/.test(n) && n.includes('both-\\\\u200B.log')), JSON.stringify(zeroWidth.structured.notes));
    const typed = await call('search_logs', { file: 'both-\\\\u200B.log', pattern: 'one' });
    assert.match(typed.text, /the typed-out one/);
    assert.doesNotMatch(typed.text, /the zero-width one/);
  });

  it('reads a journal unit by the name as listed, as file and as unit', async function () {
    if (!journal) this.skip();
    const sources = (await listing()).sources.map((s) => s.name);
    assert.ok(sources.map(escapeInvisible).includes('journal:pay\\u202Emen.service'), sources.join(', '));
    assert.match((await call('search_logs', { file: 'journal:pay\\u202Emen.service', pattern: 'card' })).text, /card expired/);
    assert.match((await call('error_summary', { unit: 'pay\\u202Emen.service' })).text, /card expired/);
    assert.match((await call('recent_logs', { unit: 'pay\\u202Emen' })).text, /card expired/);
    const [tail] = (await server.client.readResource({ uri: `logs://source/${encodeURIComponent('journal:pay\\u202emen.service')}` })).contents;
    assert.match('text' in tail ? tail.text : '', /card expired/);
    // The unit as the journal holds it (the character itself) is the same source.
    assert.match((await call('search_logs', { file: 'journal:pay\u202emen.service', pattern: 'card' })).text, /card expired/);
    assert.match((await call('error_summary', { unit: 'pay\u202emen' })).text, /card expired/);
  });
});
