import { browser, type Browser } from '#imports';
import type { ModelSettings } from '@/lib/settings';

/**
 * Ollama answers 403 to any Origin outside its allowlist, and Chrome sends
 * `Origin: chrome-extension://<id>` on the extension's POSTs. These session rules set Origin
 * to Ollama's own origin, and only where it is safe (unlike Page Assist's global rule):
 * - only requests this extension initiates (`initiatorDomains`) from no tab (`TAB_ID_NONE`),
 *   so a web page's request to Ollama — from the page or its service worker — and another
 *   extension's keep their real Origin and Ollama's CSRF check;
 * - only to exactly one Ollama origin per rule, only fetch/XHR;
 * - one rule for the saved host while Ollama can be used (Ollama or Automatic chosen, or
 *   Ollama's own /v1 as the OpenAI-compatible address), and
 *   one for each host the options page is testing, only while that test runs. Testing a
 *   draft host never removes the saved host's rule, so a suggestion running meanwhile
 *   keeps working.
 * Session rules disappear when the browser closes; the background re-creates the saved one.
 */
const OLLAMA_ORIGIN_RULE_ID = 11434;
/** Rule ids OLLAMA_ORIGIN_RULE_ID … + MAX_RULES - 1 are this module's. */
const MAX_RULES = 16;

/** @internal exported for its unit test */
export function ollamaOriginRule(
  host: string,
  id = OLLAMA_ORIGIN_RULE_ID,
): Browser.declarativeNetRequest.Rule {
  const url = new URL(host);
  return {
    id,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'origin', operation: 'set', value: url.origin }],
    },
    condition: {
      // "|" anchors at the start, and the trailing "/" stops http://localhost:114345 matching.
      urlFilter: `|${url.origin}/`,
      requestDomains: [url.hostname],
      // The host of our own pages: the id in Chrome, the per-install uuid in Firefox (whose
      // runtime.id is the add-on id, not a domain, and is refused here).
      initiatorDomains: [new URL(browser.runtime.getURL('/')).host],
      tabIds: [browser.tabs.TAB_ID_NONE],
      resourceTypes: ['xmlhttprequest'],
    },
  } as Browser.declarativeNetRequest.Rule;
}

let savedOrigin: string | null = null;
/** Origins being tested from the options page, with how many tests use each. */
const draftOrigins = new Map<string, number>();
let updates: Promise<void> = Promise.resolve();

/** Makes the session rules match the saved and draft origins, in one atomic update. */
async function applyRules(): Promise<void> {
  const origins = [...new Set([savedOrigin, ...draftOrigins.keys()])]
    .filter((origin): origin is string => origin !== null)
    .slice(0, MAX_RULES);
  const existing = await browser.declarativeNetRequest.getSessionRules();
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: existing
      .map((rule) => rule.id)
      .filter((id) => id >= OLLAMA_ORIGIN_RULE_ID && id < OLLAMA_ORIGIN_RULE_ID + MAX_RULES),
    addRules: origins.map((origin, index) =>
      ollamaOriginRule(origin, OLLAMA_ORIGIN_RULE_ID + index),
    ),
  });
}

/** Changes the wanted origins, then the rules; one change at a time, in order. */
function update(change: () => void): Promise<void> {
  const next = updates.then(() => {
    change();
    return applyRules();
  });
  updates = next.catch(() => undefined);
  return next;
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

/** The saved host's rule follows the saved settings (removed when Ollama isn't in use). */
export function syncOllamaOriginRule(settings: ModelSettings): Promise<void> {
  const host = ollamaHostInUse(settings);
  return update(() => (savedOrigin = host ? new URL(host).origin : null));
}

/** Runs `task` with a rule for `host` (a draft being tested) in place, alongside the saved one. */
export async function withOllamaOriginRule<T>(
  host: string | null,
  task: () => Promise<T>,
): Promise<T> {
  if (!host) return task();
  const origin = new URL(host).origin;
  await update(() => draftOrigins.set(origin, (draftOrigins.get(origin) ?? 0) + 1));
  try {
    return await task();
  } finally {
    await update(() => {
      const users = (draftOrigins.get(origin) ?? 1) - 1;
      if (users > 0) draftOrigins.set(origin, users);
      else draftOrigins.delete(origin);
    });
  }
}
