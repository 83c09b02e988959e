// A SQL statement printed bare in a message is one value (patterns/sql-statements.ts, read by the tokenizer): a query
// log prints every query through one statement, whatever the query's words. Made-up lines in the shapes ORMs and
// database tools print, each beside a neighbour that must stay apart.
import assert from 'node:assert/strict';
import { sqlStatementEnd } from '../../../servers/logs/patterns/sql-statements';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { tokenize } from '../../../servers/logs/patterns/tokenize';

/** The templates the miner gives `messages`, one per message (in order). */
function templatesOf(messages: string[]): string[] {
  const miner = new TemplateMiner();
  const ids = messages.map((message) => miner.add(message));
  const text = new Map(miner.templates().map((t) => [t.id, t.template]));
  return ids.map((id) => text.get(miner.finalId(id)) as string);
}

/** The statement sqlStatementEnd reads at `from` in `message`, or undefined. */
function statementAt(message: string, from: number): string | undefined {
  const end = sqlStatementEnd(message, from);
  return end < 0 ? undefined : message.slice(from, end);
}

describe('SQL statements printed bare are one value', () => {
  it('reads a query after a key, a tag or a label as one value, whatever its clauses', () => {
    const templates = templatesOf([
      'query=SELECT id, name FROM accounts WHERE (owner = 4 OR owner IS NULL) AND region IN (2) ORDER BY name',
      'query=SELECT count(o.id) AS n FROM orders AS o LEFT JOIN clients AS c ON o.client = c.id WHERE o.shop = 1',
      "query=SELECT value FROM settings WHERE name = 'MAIL_FROM' AND shop = 0",
      'query=UPDATE sessions SET seen = 1764700000 WHERE id = 77',
      'query=DELETE FROM carts WHERE age > 30',
      "query=INSERT INTO events (kind, at) VALUES ('login', 1764700000)",
    ]);
    assert.equal(new Set(templates).size, 1);
    assert.equal(templates[0], 'query=<*>');
  });

  it('reads the arguments an ORM prints after the statement as part of it, and keeps what follows', () => {
    const templates = templatesOf([
      '[ORM] SELECT count(*) FROM `jobs` WHERE `id` IN (?) [20240101120000] - 2.1ms',
      '[ORM] SELECT count(*) FROM `jobs` WHERE `id` IN (?) [20240102120000] - 3.7ms',
      "[ORM] SELECT `name`, `engine` from `information_schema`.`tables` WHERE `schema`=? AND (`engine`='InnoDB') [shop] - 1.2ms",
      '[ORM] SELECT `id` FROM `views` WHERE (mode != 1 AND kind = 3) [] - 37.1µs',
      '[ORM] Migration 20240101120000 applied in 2.1ms',
      '[ORM] Migration 20240102120000 applied in 3.7ms',
    ]);
    assert.equal(new Set(templates.slice(0, 4)).size, 1);
    assert.match(templates[0], /^\[ORM\] <\*> - <\*>$/);
    assert.notEqual(templates[4], templates[0]);
  });

  it('reads a message that is only a query as one value, a function call or a setting read as well', () => {
    const templates = templatesOf([
      '(query) SELECT pg_catalog.current_setting($1)',
      "(query) SELECT pg_catalog.current_setting('is_superuser')",
      "(query) SELECT proname FROM pg_proc WHERE proname='ext_version'",
      '(query) SELECT pg_catalog.pg_is_in_recovery()',
      '(query) SHOW data_checksums',
    ]);
    assert.equal(new Set(templates).size, 1);
    assert.equal(templates[0], '(query) <*>');
  });

  it('keeps apart two logging statements that print a query each', () => {
    const templates = templatesOf([
      'Slow query (2.3 s): SELECT * FROM orders WHERE shop = 1',
      'Slow query (4.1 s): SELECT id FROM carts WHERE age > 30',
      'Query failed: SELECT * FROM orders WHERE shop = 1',
      'Query failed: DELETE FROM carts WHERE age > 30',
    ]);
    assert.equal(templates[0], templates[1]);
    assert.equal(templates[2], templates[3]);
    assert.notEqual(templates[0], templates[2]);
  });

  it('ends the statement where a further clause follows its `; `, or where its enclosing bracket closes', () => {
    assert.equal(statementAt('SELECT a FROM b WHERE c = %s; args=(1,)', 0), 'SELECT a FROM b WHERE c = %s;');
    assert.equal(statementAt('SELECT a FROM b;', 0), 'SELECT a FROM b;');
    const nested = 'cached (SELECT a FROM b WHERE c IN (1, 2)) for 3 s';
    assert.equal(statementAt(nested, nested.indexOf('SELECT')), 'SELECT a FROM b WHERE c IN (1, 2)');
    const quoted = "SELECT a FROM b WHERE c = 'x [y] ; z' [7]";
    assert.equal(statementAt(quoted, 0), quoted);
  });

  it('leaves prose alone: the words in lower or title case, or without the rest of a statement', () => {
    for (const message of [
      'Select a file from the list',
      'could not create table sessions: disk full',
      'Failed to delete from cache: key missing',
      'update users set by the admin',
      'SELECT button pressed',
      'INSERT mode on',
      'UPDATE available: 2.1.0',
      'SHOW more results',
      'DELETE request for /api/items/4',
    ]) {
      assert.ok(!tokenize(message).tokens.includes('<*>') || /\d/.test(message), message);
      for (let at = 0; at < message.length; at++) if (at === 0 || message[at - 1] === ' ') assert.equal(statementAt(message, at), undefined, `${message} @${at}`);
    }
  });
});
