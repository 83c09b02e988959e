// The one output budget: bytes of JSON text, a kept prefix, never more than the budget unless asked.
import assert from 'node:assert/strict';
import { fitList, fitToBudget, jsonBytes, OUTPUT_BUDGET_BYTES } from '../../../servers/shared/output-budget';
import { MAX_RESULT_BYTES } from '../../../servers/shared/tool-result';

describe('shared output budget', () => {
  it('leaves room for the second copy of the data in a result', () => {
    assert.equal(OUTPUT_BUDGET_BYTES, MAX_RESULT_BYTES / 2);
    assert.equal(OUTPUT_BUDGET_BYTES, 128 * 1024);
  });

  it('measures UTF-8 bytes, not string length', () => {
    assert.equal(jsonBytes('한국어'), 11, 'three 3-byte syllables and two quotes');
    assert.equal(jsonBytes({ a: 'é' }), '{"a":""}'.length + 2);
  });

  it('fitList cuts the list to fit the byte budget and says so', () => {
    const data = { name: 'x', items: Array.from({ length: 1000 }, (_, i) => ({ i, text: 'é'.repeat(50) })) };
    const [fitted, cut] = fitList(data, 'items', 10_000);
    assert.equal(cut, true);
    assert.ok(Buffer.byteLength(JSON.stringify(fitted)) <= 10_000);
    assert.ok(fitted.items.length > 50, `kept ${fitted.items.length}`);
    assert.deepEqual(fitted.items, data.items.slice(0, fitted.items.length));
    const [same, notCut] = fitList({ items: [1, 2] }, 'items', 10_000);
    assert.deepEqual([same.items, notCut], [[1, 2], false]);
  });

  it('counts Korean text by its bytes: a budget that fits its length in characters does not fit it', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i} 디스크 공간이 부족합니다 경고`);
    const budget = JSON.stringify(lines).length + 10;
    const { value, kept, cut } = fitToBudget(lines, (k) => ({ lines: k, returned: k.length }), { budget });
    assert.equal(cut, true);
    assert.ok(kept < 200 && kept > 0, `kept ${kept}`);
    assert.ok(jsonBytes(value) <= budget);
    assert.equal(value.returned, kept, 'counts built from the prefix match it');
    // The longest prefix: one more item would not fit.
    assert.ok(jsonBytes({ lines: lines.slice(0, kept + 1), returned: kept + 1 }) > budget);
  });

  it('keeps the prefix that fits for every budget', () => {
    const items = Array.from({ length: 64 }, (_, i) => 'x'.repeat(i % 7) + '가'.repeat(i % 5));
    for (let budget = 2; budget < jsonBytes(items) + 5; budget += 17) {
      const { value, kept } = fitToBudget(items, (k) => k, { budget });
      assert.deepEqual(value, items.slice(0, kept));
      if (kept > 0) assert.ok(jsonBytes(value) <= budget, `budget ${budget}`);
      if (kept < items.length) assert.ok(jsonBytes(items.slice(0, kept + 1)) > budget, `budget ${budget} kept ${kept}`);
    }
  });

  it('keeps at least the items asked for, even over budget', () => {
    const huge = ['x'.repeat(5000), 'y'];
    assert.equal(fitToBudget(huge, (k) => k, { budget: 100, keepAtLeast: 1 }).kept, 1);
    assert.equal(fitToBudget(huge, (k) => k, { budget: 100 }).kept, 0);
    assert.deepEqual(fitToBudget([], (k) => ({ k, pad: 'z'.repeat(500) }), { budget: 10, keepAtLeast: 1 }).kept, 0);
  });

  it('builds once when everything fits', () => {
    let builds = 0;
    const result = fitToBudget([1, 2, 3], (k) => (builds++, k));
    assert.deepEqual([result.kept, result.cut, builds], [3, false, 1]);
  });
});
