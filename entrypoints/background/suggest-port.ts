import { browser } from '#imports';
import { apiKeyFor } from '@/lib/llm/api-key';
import { syncOllamaOriginRule } from '@/lib/llm/origin-rule';
import { RequestQueue } from '@/lib/llm/queue';
import { serveSuggestPort } from '@/lib/llm/serve-port';
import { SUGGEST_PORT_NAME } from '@/lib/llm/stream-protocol';
import { runSuggestion } from '@/lib/llm/suggest';
import { debugLog } from '@/lib/log';
import { mayCall, SUGGEST_PORT_ACCESS } from '@/lib/messaging/routes';
import { classifySender } from '@/lib/messaging/sender';
import { loadModelSettings } from '@/lib/settings';

/** Streams suggestions over `runtime.connect` ports (see lib/llm/stream-protocol). */
export function setupSuggestPort(): void {
  // One queue for the worker's lifetime: all tabs' runs share the per-provider limits.
  const queue = new RequestQueue();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SUGGEST_PORT_NAME) return;
    if (!mayCall(SUGGEST_PORT_ACCESS, classifySender(port.sender ?? {}, browser.runtime.id))) {
      port.disconnect();
      return;
    }
    serveSuggestPort(port, async (run) => {
      const started = performance.now();
      const settings = await loadModelSettings();
      // Settings are read per run, so the rule must match them now, not at the last change.
      // The key goes only to the origin it was saved for.
      const [, openaiApiKey] = await Promise.all([
        syncOllamaOriginRule(settings),
        apiKeyFor(settings.openaiBaseUrl),
      ]);
      try {
        const result = await runSuggestion(run, {
          settings,
          openaiApiKey,
          extensionOrigin: browser.runtime.getURL('/'),
          queue,
        });
        debugLog('suggest', 'answered', {
          engine: result.engine,
          model: result.model,
          fromCache: result.fromCache,
          repairs: result.notes.length,
          ms: Math.round(performance.now() - started),
        });
        return result;
      } catch (error) {
        debugLog('suggest', 'failed', { error: String(error), aborted: run.signal.aborted });
        throw error;
      }
    });
  });
}
