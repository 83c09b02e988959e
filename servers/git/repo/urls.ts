// Remote URLs often carry tokens (https://user:token@host, ?access_token=…); those never leave the server.
import { sanitizeLine } from '../../shared/sanitize';

const SECRET_QUERY_KEYS = /^(access_?token|token|private_token|password|passwd|pwd|secret|key|api_?key|auth|sig|signature|x-access-token)$/i;

export function redactRemoteUrl(url: string): string {
  const text = sanitizeLine(url.trim(), 2000);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    try {
      const parsed = new URL(text);
      // ssh user names (git@…) are routing, not secrets; everything else in the user part is dropped.
      const keepUser = /^(ssh|git\+ssh|ssh\+git)$/i.test(parsed.protocol.replace(':', '')) && parsed.username !== '' && parsed.password === '';
      if (!keepUser) parsed.username = '';
      parsed.password = '';
      for (const key of [...parsed.searchParams.keys()]) {
        if (SECRET_QUERY_KEYS.test(key)) parsed.searchParams.set(key, 'REDACTED');
      }
      return parsed.toString();
    } catch {
      // Not a URL the WHATWG parser accepts: fall back to cutting whatever sits between :// and @.
      return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
    }
  }
  // scp-like "user@host:path" cannot hold a password; local paths have nothing to hide.
  return text;
}
