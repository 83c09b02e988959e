import assert from 'node:assert/strict';
import { chatHtml, contentSecurityPolicy, createNonce } from '../../src/chat/html';

describe('chat webview HTML', () => {
  const source = 'https://*.vscode-cdn.net';
  it('has a strict CSP: nothing by default, scripts only by nonce, images only local or data', () => {
    const csp = contentSecurityPolicy(source, 'abc123');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['script-src'], ["'nonce-abc123'"]);
    assert.deepEqual(directives['img-src'], [source, 'data:']);
    assert.deepEqual(directives['style-src'], [source, "'nonce-abc123'"]);
    assert.deepEqual(directives['connect-src'], ["'none'"]);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|https:(?!\/\/\*\.vscode-cdn)/);
  });

  it('puts the nonce on its only script and escapes attributes', () => {
    const html = chatHtml({ cspSource: source, nonce: 'n0nce', scriptUri: 'https://x/chat.js?a=1&b="2"', styleUri: 'https://x/chat.css', lang: 'ko', title: 'Chat <1>' });
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="n0nce" src="https:\/\/x\/chat\.js\?a=1&amp;b=&quot;2&quot;"><\/script>/);
    assert.match(html, /<html lang="ko">/);
    assert.match(html, /<title>Chat &lt;1&gt;<\/title>/);
    assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('makes a new unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9]{16,}$/);
  });
});
