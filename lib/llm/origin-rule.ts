import { browser, type Browser } from '#imports';
import type { ModelSettings } from '@/lib/settings';

/**
 * Ollama answers 403 to any Origin outside its allowlist, and Chrome sends
 * `Origin: chrome-extension://<id>` on the extension's POSTs. This session rule sets Origin
 * to Ollama's own origin, and only where it is safe (unlike Page Assist's global rule):
 * - only requests that come from no tab (TAB_ID_NONE: the service worker's own fetches),
 *   so a web page's request to Ollama keeps its real Origin and Ollama's CSRF check;
 * - only to exactly the configured host and port, only fetch/XHR;
 * - only while Ollama can be used (Ollama or Automatic chosen); removed otherwise.
 * A session rule disappears when the browser closes; the background re-creates it.
 */
export const OLLAMA_ORIGIN_RULE_ID = 11434;

export function ollamaOriginRule(host: string): Browser.declarativeNetRequest.Rule {
  const url = new URL(host);
  return {
    id: OLLAMA_ORIGIN_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'origin', operation: 'set', value: url.origin }],
    },
    condition: {
      // "|" anchors at the start, and the trailing "/" stops http://localhost:114345 matching.
      urlFilter: `|${url.origin}/`,
      requestDomains: [url.hostname],
      tabIds: [browser.tabs.TAB_ID_NONE],
      resourceTypes: ['xmlhttprequest'],
    },
  } as Browser.declarativeNetRequest.Rule;
}

/** Points the rule at `host`, or removes it when `host` is null. */
export async function setOllamaOriginRule(host: string | null): Promise<void> {
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [OLLAMA_ORIGIN_RULE_ID],
    addRules: host ? [ollamaOriginRule(host)] : [],
  });
}

/**
 * An OpenAI-compatible base URL that is Ollama's own /v1 (the configured Ollama origin, or
 * Ollama's port): it has the same Origin check, so it needs the same rule.
 */
function openAiEndpointIsOllama({ openaiBaseUrl, ollamaHost }: ModelSettings): boolean {
  const endpoint = new URL(openaiBaseUrl);
  return endpoint.origin === new URL(ollamaHost).origin || endpoint.port === '11434';
}

export function ollamaHostInUse(settings: ModelSettings): string | null {
  if (settings.provider === 'ollama' || settings.provider === 'auto') return settings.ollamaHost;
  if (settings.provider === 'openai' && openAiEndpointIsOllama(settings)) {
    return new URL(settings.openaiBaseUrl).origin;
  }
  return null;
}

export async function syncOllamaOriginRule(settings: ModelSettings): Promise<void> {
  await setOllamaOriginRule(ollamaHostInUse(settings));
}
