// The API key lives in SecretStorage; ANTHROPIC_API_KEY from the environment is the fallback.
import { t } from '@vscode/l10n';

export const API_KEY_SECRET = 'devopsAssistant.anthropicApiKey';

export interface SecretReader {
  get(key: string): PromiseLike<string | undefined>;
}

export async function readApiKey(secrets: SecretReader, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  let stored: string | undefined;
  try {
    stored = await secrets.get(API_KEY_SECRET);
  } catch {
    stored = undefined; // a broken keychain must not hide the environment fallback
  }
  const key = stored?.trim() || env.ANTHROPIC_API_KEY?.trim();
  return key ? key : undefined;
}

/**
 * The first character of `key` that an HTTP header cannot carry or no key holds (anything but printable ASCII): a
 * zero-width space or curly quote copied from a chat or a web page along with the key, a Hangul letter typed in the
 * wrong input mode. `position` is 1-based; `code` is the code point as U+ hex. Undefined when there is none.
 */
export function strayKeyCharacter(key: string): { position: number; code: string } | undefined {
  const index = key.search(/[^\x21-\x7e]/u);
  if (index < 0) return undefined;
  return { position: [...key.slice(0, index)].length + 1, code: key.codePointAt(index)!.toString(16).toUpperCase().padStart(4, '0') };
}

/** Light sanity check for the input box; real validation is the API's 401. */
export function validateApiKeyInput(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined; // empty clears the stored key
  if (/\s/.test(v)) return t('The key must not contain spaces.');
  const stray = strayKeyCharacter(v);
  if (stray) return t('The key holds a character no key has (U+{0} at position {1}), often copied along with it. Paste it again without it.', stray.code, stray.position);
  if (v.length < 20) return t('This looks too short for an Anthropic API key.');
  return undefined;
}
