// The synthetic logs' ground truth must be what it claims: deterministic, every line made from its event's template,
// few-valued constants and many-valued variables where the layout says so, and readable as a Loghub-style data set.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDatasets, loadDataset } from '../../../scripts/loghub-data';
import { generateSynthetic, SYNTHETIC_LAYOUTS, writeSyntheticDatasets, type SyntheticLayout } from '../../../scripts/synthetic-logs';

const layout = (id: string): SyntheticLayout => {
  const found = SYNTHETIC_LAYOUTS.find((l) => l.id === id);
  assert.ok(found, id);
  return found;
};

/** The message part of a line as the layout wrote it (JSON and logfmt carry it in a field). */
function messageOf(layoutId: string, line: string): string {
  if (layoutId === 'json-lines') return (JSON.parse(line) as { msg: string }).msg;
  if (layoutId === 'logfmt') return /msg="([^"]*)"/.exec(line)?.[1] ?? '';
  return line;
}

/** A template as a regular expression matching the end of a line: each {slot} is any non-empty text. */
function templatePattern(template: string, layoutId: string): RegExp {
  const text = layoutId === 'logfmt' ? template.replaceAll('"', "'") : template;
  const parts = text.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${parts.join('.+?')}$`);
}

describe('synthetic logs with known ground truth (scripts/synthetic-logs)', () => {
  it('gives the same file for the same seed and another for another seed', () => {
    for (const l of SYNTHETIC_LAYOUTS) {
      assert.deepEqual(generateSynthetic(l, 200, 5).lines, generateSynthetic(l, 200, 5).lines, l.id);
      assert.notDeepEqual(generateSynthetic(l, 200, 5).lines, generateSynthetic(l, 200, 6).lines, l.id);
    }
  });

  it('makes every line from the template of its event, one line per event id', () => {
    for (const l of SYNTHETIC_LAYOUTS) {
      const file = generateSynthetic(l, 1500);
      assert.equal(file.lines.length, 1500);
      assert.equal(file.events.length, 1500);
      assert.ok(file.templates.size >= 8, `${l.id}: ${file.templates.size} events`);
      file.lines.forEach((line, i) => {
        assert.ok(!line.includes('\n'), `${l.id} line ${i + 1} spans lines`);
        const template = file.templates.get(file.events[i]) as string;
        assert.match(messageOf(l.id, line), templatePattern(template, l.id), `${l.id} line ${i + 1}`);
      });
    }
  });

  it('tells few constant words (separate events) from many variable words (one event)', () => {
    const file = generateSynthetic(layout('few-vs-many-words'), 3000);
    const lastWords = (prefix: string) => {
      const words = new Set<string>();
      const events = new Set<string>();
      file.lines.forEach((line, i) => {
        const at = line.indexOf(`: ${prefix} `);
        if (at >= 0) {
          words.add(line.slice(at + prefix.length + 3));
          events.add(file.events[i]);
        }
      });
      return { words: words.size, events: events.size };
    };
    const clients = lastWords('initialized by client');
    assert.ok(clients.words >= 2 && clients.words <= 3 && clients.events === clients.words, JSON.stringify(clients));
    const removed = lastWords('removing');
    assert.ok(removed.words >= 30 && removed.events === 1, JSON.stringify(removed));
  });

  it('writes every layout as a Loghub-style data set the evaluation reads unchanged', () => {
    const root = mkdtempSync(join(tmpdir(), 'synthetic-test-'));
    try {
      writeSyntheticDatasets(root, SYNTHETIC_LAYOUTS, 300, 2);
      const datasets = findDatasets(root);
      assert.deepEqual(datasets.map((d) => d.system).sort(), SYNTHETIC_LAYOUTS.map((l) => l.id).sort());
      for (const d of datasets) {
        const { lines, events } = loadDataset(d);
        const file = generateSynthetic(layout(d.system), 300, 2);
        assert.deepEqual(lines, file.lines, d.system);
        assert.deepEqual(events, file.events, d.system);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
