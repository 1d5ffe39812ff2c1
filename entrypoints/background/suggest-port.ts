import { browser } from '#imports';
import { syncOllamaOriginRule } from '@/lib/llm/origin-rule';
import { RequestQueue } from '@/lib/llm/queue';
import { serveSuggestPort } from '@/lib/llm/serve-port';
import { SUGGEST_PORT_NAME } from '@/lib/llm/stream-protocol';
import { runSuggestion } from '@/lib/llm/suggest';
import { debugLog } from '@/lib/log';
import { isTrustedSender } from '@/lib/messaging/sender';
import { readSecret } from '@/lib/secrets';
import { loadModelSettings } from '@/lib/settings';

/** Streams suggestions over `runtime.connect` ports (see lib/llm/stream-protocol). */
export function setupSuggestPort(): void {
  // One queue for the worker's lifetime: all tabs' runs share the per-provider limits.
  const queue = new RequestQueue();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SUGGEST_PORT_NAME) return;
    if (!port.sender || !isTrustedSender(port.sender, browser.runtime.id)) {
      port.disconnect();
      return;
    }
    serveSuggestPort(port, async (run) => {
      const started = performance.now();
      const settings = await loadModelSettings();
      // Settings are read per run, so the rule must match them now, not at the last change.
      const [, openaiApiKey] = await Promise.all([
        syncOllamaOriginRule(settings),
        readSecret('openaiApiKey'),
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
