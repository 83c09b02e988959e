// The text in parentheses at a message's tail (patterns/tokenize.ts): a list of labelled values keeps its labels as the
// statement's words (labelListAt), and a remark of lower-case words is a number's optional note only after a number
// (annotationAt). Real lines from the excerpts' public reports, each with the neighbour that must stay apart.
import assert from 'node:assert/strict';
import { TemplateMiner } from '../../../servers/logs/patterns/miner';
import { tokenize } from '../../../servers/logs/patterns/tokenize';

/** The templates the miner gives `messages`, one per message (in order). */
function templatesOf(messages: string[]): string[] {
  const miner = new TemplateMiner();
  const ids = messages.map((message) => miner.add(message));
  const text = new Map(miner.templates().map((t) => [t.id, t.template]));
  return ids.map((id) => text.get(miner.finalId(id)) as string);
}

describe('parenthesised tails: labelled lists and remarks', () => {
  it('keeps the labels of a labelled list as words and each value as one variable', () => {
    // NodeBB (batch 2), src/cli/running.js: `[cluster] Child Process (${pid}) has exited (code: ${code}, signal: ${signal})`.
    assert.deepEqual(tokenize('[cluster] Child Process (4146) has exited (code: 0, signal: null)').tokens, ['cluster', 'Child', 'Process', '<*>', 'has', 'exited', 'code', '<*>', 'signal', '<*>']);
    // ClamAV (freshclam): a label with a hyphen, a value that is a word (the builder's name) masked as a value is.
    assert.deepEqual(tokenize('daily.cvd updated (version: 27096, sigs: 2046777, f-level: 90, builder: raynman)').tokens, ['daily.cvd', 'updated', 'version', '<*>', 'sigs', '<*>', 'f-level', '<*>', 'builder', '<*>']);
    // A value of several words up to the next label is one value (ArgoCD's cluster URL beside its namespace).
    assert.deepEqual(tokenize('Comparing app state (cluster: https://x.example.com, namespace: argocd)').tokens, ['Comparing', 'app', 'state', 'cluster', '<*>', 'namespace', '<*>']);
  });

  it('keeps apart a list with one label more, and still reads a lone labelled remark as one value', () => {
    const nodebb = [
      '[cluster] Child Process (32113) has exited (code: 0)',
      '[cluster] Child Process (4146) has exited (code: 0, signal: null)',
      '[cluster] Child Process (4147) has exited (code: 1)',
      '[cluster] Child Process (4148) has exited (code: 0, signal: SIGTERM)',
    ];
    const templates = templatesOf(nodebb);
    assert.equal(new Set(templates).size, 2);
    assert.equal(templates[0], '[cluster] Child Process (<*>) has exited (code: <*>)');
    assert.equal(templates[1], '[cluster] Child Process (<*>) has exited (code: <*>, signal: <*>)');
    // Kafka's `(reason: …)` is one label and a remark of many words: one value, as before.
    assert.deepEqual(tokenize('Preparing to rebalance group g1 (reason: Adding new member m-e9c2 with group instanceid None)').tokens.slice(-2), ['reason', '<*>']);
  });

  it('reads a remark after a name ending in a digit as the sentence’s own words', () => {
    // AwesomeWM (batch 28), lib/beautiful/xresources.lua: `can't get colorscheme from xrdb for value '%s' (using fallback).`
    const awesome = [
      "beautiful: can't get colorscheme from xrdb for value 'background' (using fallback).",
      "beautiful: can't get colorscheme from xrdb for value 'color0' (using fallback).",
      "beautiful: can't get colorscheme from xrdb for value 'color12' (using fallback).",
      "beautiful: can't get colorscheme from xrdb for value 'foreground' (using fallback).",
    ];
    const templates = templatesOf(awesome);
    assert.equal(new Set(templates).size, 1);
    assert.equal(templates[0], "beautiful: can't get colorscheme from xrdb for value '<*>' (using fallback).");
  });

  it('still reads a remark after a number as its optional note', () => {
    // `exited on signal 11 (core dumped)`: the note on the signal's number, which other lines of the event lack.
    const templates = templatesOf(['worker 12 exited on signal 11 (core dumped)', 'worker 13 exited on signal 6', 'worker 14 exited on signal 9']);
    assert.equal(new Set(templates).size, 1);
  });

  it('keeps a value after a closed group apart from the value inside it, so the words after it stay the statement’s', () => {
    // Bazarr (batch 9), urllib3's `Starting new HTTP connection (%d): %s:%s`: the connection's number closes its group
    // before the host; fused, the two read `(<*>` and swallowed the `): ` the statement writes.
    const bazarr = ['Starting new HTTP connection (1): 127.0.0.1:8989', 'Starting new HTTP connection (1): sonarr:8989', 'Starting new HTTP connection (2): 127.0.0.1:8310', 'Starting new HTTP connection (1): radarr:7878'];
    assert.deepEqual(tokenize(bazarr[0]).tokens, ['Starting', 'new', 'HTTP', 'connection', '<*>', '<*>']);
    const templates = templatesOf(bazarr);
    assert.equal(new Set(templates).size, 1);
    assert.equal(templates[0], 'Starting new HTTP connection (<*>): <*>');
  });

  it('still reads a list, an address with its port and a bracketed part after another as one value', () => {
    // Elasticsearch's `bound_addresses {[::1]:9300}, {127.0.0.1:9300}`: a list of any length is one value.
    assert.deepEqual(tokenize('publish_address {127.0.0.1:9300}, bound_addresses {[::1]:9300}, {127.0.0.1:9300}').tokens, ['publish_address', '<*>', 'bound_addresses', '<*>']);
    // Exim's host `(helo) [address]`: the second part opens its own bracket, one value with the first.
    assert.deepEqual(tokenize('SMTP connection from (mail.example.org) [172.17.0.1] lost D=0s').tokens, ['SMTP', 'connection', 'from', '<*>', 'lost', 'D', '<*>']);
  });
});
