import assert from 'node:assert/strict';
import { createMarkdownRenderer } from '../../media/chat/markdown';
import { isActionAllowed, isAllowedLink, parseLink } from '../../src/chat/link-policy';

const render = createMarkdownRenderer();
const LEAK = 'http://127.0.0.1:45678/leak';

describe('chat markdown renderer', () => {
  it('renders headings, lists, tables and code blocks', () => {
    const html = render('# Title\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = a < b;\n```');
    assert.match(html, /<h1>Title<\/h1>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<table>[\s\S]*<td>1<\/td>/);
    assert.match(html, /<pre><code class="language-js">const x = a &lt; b;/);
  });

  it('shows raw HTML from logs, commits or the model as text', () => {
    const payloads = [
      `<img src=${LEAK} onerror=alert(1)>`,
      '<script>alert(document.cookie)</script>',
      '<iframe src="https://evil.example"></iframe>',
      '<a href="javascript:alert(1)">x</a>',
      '<style>body{background:url(http://evil.example/x)}</style>',
      '<svg onload=alert(1)>',
    ];
    for (const payload of payloads) {
      const html = render(`line: ${payload}`);
      assert.doesNotMatch(html, /<(img|script|iframe|style|svg)\b/i, html);
      assert.doesNotMatch(html, /<a [^>]*\shref=/i, html);
      assert.match(html, /&lt;/);
    }
  });

  it('never renders images, not even from Markdown syntax', () => {
    const html = render(`![pixel](${LEAK}.png) and ![x](data:image/png;base64,AAAA)`);
    assert.doesNotMatch(html, /<img/i);
  });

  it('keeps links as data-href (no href: clicking cannot navigate the webview)', () => {
    const html = render('[docs](https://example.com/a?b=1&c=2) and https://example.org/auto');
    assert.match(html, /<a class="md-link" role="link" tabindex="0" data-href="https:\/\/example\.com\/a\?b=1&amp;c=2"/);
    assert.match(html, /data-href="https:\/\/example\.org\/auto"/);
    assert.doesNotMatch(html, /\shref=/);
  });

  it('drops links with other schemes and commands of other extensions', () => {
    for (const source of [
      '[x](javascript:alert(1))',
      '[x](JAVASCRIPT:alert(1))',
      '[x](vbscript:msgbox)',
      '[x](file:///etc/passwd)',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D)',
      '[x](vscode://some.extension/run)',
    ]) {
      const html = render(source);
      assert.doesNotMatch(html, /data-href/, `${source} -> ${html}`);
    }
    assert.match(render('[Set key](command:devopsAssistant.setApiKey)'), /data-href="command:devopsAssistant\.setApiKey"/);
  });

  it('escapes attribute content of allowed links', () => {
    const html = render('[x](https://example.com/"onmouseover="alert(1))');
    assert.doesNotMatch(html, /"onmouseover="/);
  });
});

describe('link policy', () => {
  it('opens web pages externally', () => {
    assert.deepEqual(parseLink('https://example.com/x'), { kind: 'external', url: 'https://example.com/x' });
    assert.deepEqual(parseLink(' HTTP://Example.com '), { kind: 'external', url: 'http://example.com/' });
    assert.equal(parseLink('https://'), undefined);
  });

  it("runs only this extension's commands, with JSON arguments", () => {
    assert.deepEqual(parseLink('command:devopsAssistant.setApiKey'), { kind: 'command', command: 'devopsAssistant.setApiKey', args: [] });
    assert.deepEqual(parseLink(`command:devopsAssistant.ask?${encodeURIComponent(JSON.stringify(['why?']))}`), {
      kind: 'command',
      command: 'devopsAssistant.ask',
      args: ['why?'],
    });
    assert.deepEqual(parseLink(`command:devopsAssistant.ask?${encodeURIComponent('"single"')}`)?.kind, 'command');
    assert.equal(parseLink('command:devopsAssistant.ask?not-json'), undefined);
    assert.equal(parseLink('command:workbench.action.terminal.new'), undefined);
    assert.equal(parseLink('command:devopsAssistantEvil.run'), undefined);
    assert.equal(parseLink('command:'), undefined);
  });

  it('refuses everything else', () => {
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'vscode://x', '//evil.example/x', '/relative', '#top', 'mailto:a@b.c']) {
      assert.equal(isAllowedLink(href), false, href);
    }
  });
});

describe('action buttons from the webview', () => {
  it("run this extension's commands and those the extension offered, nothing else", () => {
    const offered = new Set(['workbench.action.openSettings']);
    assert.equal(isActionAllowed('devopsAssistant.setApiKey', offered), true);
    assert.equal(isActionAllowed('workbench.action.openSettings', offered), true);
    assert.equal(isActionAllowed('workbench.action.terminal.sendSequence', offered), false);
    assert.equal(isActionAllowed('devopsAssistantX.run', new Set()), false);
  });
});
