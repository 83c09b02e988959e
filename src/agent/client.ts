// Creates the Anthropic client: explicit key, base URL from the setting (else the SDK reads ANTHROPIC_BASE_URL).
import Anthropic from '@anthropic-ai/sdk';

export interface ClientSettings {
  apiKey: string;
  /** Empty: the SDK's own default (ANTHROPIC_BASE_URL or the public endpoint). */
  baseURL?: string;
  maxRetries?: number;
  timeoutMs?: number;
}

export const DEFAULT_BASE_URL = 'https://api.anthropic.com';

export function createAnthropicClient(settings: ClientSettings): Anthropic {
  return new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL?.trim() ? settings.baseURL.trim() : undefined,
    maxRetries: settings.maxRetries ?? 2,
    timeout: settings.timeoutMs ?? 600_000,
  });
}

/** The base URL a client built from `baseURL` will use, for messages. */
export function effectiveBaseUrl(baseURL: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return baseURL?.trim() || env.ANTHROPIC_BASE_URL || DEFAULT_BASE_URL;
}
