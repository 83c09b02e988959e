// Which links from rendered Markdown may be opened, and how. Model output, log lines and commit
// messages all end up in the chat, so a link is untrusted data: only web pages and this
// extension's own commands are ever opened, and only by the extension (the webview never navigates).

export type LinkTarget =
  | { kind: 'external'; url: string }
  | { kind: 'command'; command: string; args: unknown[] };

/** Commands a link may run: this extension's own, nothing from other extensions or the workbench. */
export const LINK_COMMAND_PREFIX = 'devopsAssistant.';

const COMMAND_ID = /^[A-Za-z][\w.-]*$/;

export function parseLink(href: string): LinkTarget | undefined {
  const trimmed = href.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return { kind: 'external', url: url.toString() };
    } catch {
      return undefined;
    }
    return undefined;
  }
  const command = /^command:([^?#]*)(?:\?(.*))?$/is.exec(trimmed);
  if (command) {
    const id = command[1];
    if (!COMMAND_ID.test(id) || !id.startsWith(LINK_COMMAND_PREFIX)) return undefined;
    let args: unknown[] = [];
    if (command[2]) {
      try {
        const parsed: unknown = JSON.parse(decodeURIComponent(command[2]));
        args = Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        return undefined;
      }
    }
    return { kind: 'command', command: id, args };
  }
  return undefined;
}

export function isAllowedLink(href: string): boolean {
  return parseLink(href) !== undefined;
}

/**
 * Whether a button from the webview may run `command`: this extension's own commands, or one the
 * extension itself offered with an error or notice. A compromised webview gets nothing more.
 */
export function isActionAllowed(command: string, offered: ReadonlySet<string>): boolean {
  return command.startsWith(LINK_COMMAND_PREFIX) || offered.has(command);
}
