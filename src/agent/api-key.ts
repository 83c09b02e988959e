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

/** Light sanity check for the input box; real validation is the API's 401. */
export function validateApiKeyInput(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined; // empty clears the stored key
  if (/\s/.test(v)) return t('The key must not contain spaces.');
  if (v.length < 20) return t('This looks too short for an Anthropic API key.');
  return undefined;
}
