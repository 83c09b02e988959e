// The mock Messages API as a standalone program (test/support/mock-anthropic-cli.ts), over HTTP.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MOCK_REQUEST_HEADERS as headers, mockRequestBody as body } from '../support/mock-anthropic';

describe('mock Anthropic API as a program', () => {
  it('runs standalone from a script file and accepts more turns over HTTP', async function () {
    this.timeout(20_000);
    const script = join(mkdtempSync(join(tmpdir(), 'mock-cli-')), 'turns.json');
    writeFileSync(script, JSON.stringify([{ text: 'from the script' }]));
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../support/mock-anthropic-cli.ts'), '--script', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        child.stdout.once('data', (chunk: Buffer) => resolveUrl(chunk.toString().trim().split('\n')[0]));
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      await fetch(`${url}/__mock/enqueue`, { method: 'POST', headers, body: JSON.stringify([{ text: 'added later' }]) });
      const first = (await (await fetch(`${url}/v1/messages`, { method: 'POST', headers, body: body() })).json()) as { content: Array<{ text: string }> };
      const second = (await (await fetch(`${url}/v1/messages`, { method: 'POST', headers, body: body() })).json()) as { content: Array<{ text: string }> };
      assert.deepEqual([first.content[0].text, second.content[0].text], ['from the script', 'added later']);
      const recorded = (await (await fetch(`${url}/__mock/requests`)).json()) as unknown[];
      assert.equal(recorded.length, 2);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
