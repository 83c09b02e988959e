// Markdown -> HTML for the chat. Raw HTML is off (it comes out as text), images are not
// rendered (no remote loads; the CSP would block them anyway), and links carry their target in
// data-href instead of href so that clicking never navigates the webview: the chat script
// posts the link to the extension, which opens it only if the link policy allows.
// No DOM and no `vscode` here, so unit tests can run it under plain Node.
import MarkdownIt from 'markdown-it';
import { isAllowedLink } from '../../src/chat/link-policy';

export type RenderMarkdown = (source: string) => string;

export function createMarkdownRenderer(): RenderMarkdown {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.disable(['image']);
  md.validateLink = (url: string) => isAllowedLink(url);

  md.renderer.rules.link_open = (tokens, index) => {
    const href = String(tokens[index].attrGet('href') ?? '');
    // validateLink already filtered links (linkify included); checked again so that a future
    // markdown-it path that skips it still cannot produce a live link.
    if (!isAllowedLink(href)) return '<a class="md-link blocked">';
    const safe = md.utils.escapeHtml(href);
    return `<a class="md-link" role="link" tabindex="0" data-href="${safe}" title="${safe}">`;
  };

  return (source: string) => md.render(source);
}
