import { browser } from '#imports';
import { toUserError } from '@/lib/llm/errors';
import { ollamaHostInUse, setOllamaOriginRule, syncOllamaOriginRule } from '@/lib/llm/origin-rule';
import { providerFor, type ProviderContext } from '@/lib/llm/providers';
import { modelStatus, testModel } from '@/lib/llm/status';
import { debugLog } from '@/lib/log';
import { handle } from '@/lib/messaging/handle';
import { deleteSecret, readSecret, writeSecret } from '@/lib/secrets';
import { loadModelSettings, modelSettings, type ModelSettings } from '@/lib/settings';

async function contextFor(settings: ModelSettings): Promise<ProviderContext> {
  return {
    settings,
    openaiApiKey: await readSecret('openaiApiKey'),
    extensionOrigin: browser.runtime.getURL('/'),
  };
}

/**
 * Runs `task` against possibly unsaved settings from the options page: the Origin rule
 * follows their Ollama host for the duration, then goes back to the saved settings.
 */
async function withDraftSettings<T>(
  draft: ModelSettings,
  task: (context: ProviderContext) => Promise<T>,
) {
  try {
    await setOllamaOriginRule(ollamaHostInUse(draft) ?? draft.ollamaHost);
    return { ok: true as const, value: await task(await contextFor(draft)) };
  } catch (error) {
    debugLog('model', 'options-page request failed', { error: String(error) });
    return { ok: false as const, error: toUserError(error, { host: draft.ollamaHost }) };
  } finally {
    await syncOllamaOriginRule(await loadModelSettings());
  }
}

export function setupModelHandlers(): void {
  handle('listModels', ({ settings, engine }) =>
    withDraftSettings(settings, (context) =>
      providerFor(engine, context).listModels(AbortSignal.timeout(10_000)),
    ),
  );
  handle('testModel', (settings) => withDraftSettings(settings, testModel));
  handle('getModelStatus', async () => {
    const settings = await loadModelSettings();
    await syncOllamaOriginRule(settings);
    return modelStatus(await contextFor(settings));
  });
  handle('saveOpenaiApiKey', async ({ apiKey }) => {
    if (apiKey) await writeSecret('openaiApiKey', apiKey);
    else await deleteSecret('openaiApiKey');
    return { saved: Boolean(apiKey) };
  });
  handle('getOpenaiApiKeyStatus', async () => ({
    saved: Boolean(await readSecret('openaiApiKey')),
  }));

  // The Origin rule follows the saved settings: re-created at start (session rules do not
  // survive a browser restart) and updated or removed whenever the seller changes them.
  void loadModelSettings().then(syncOllamaOriginRule);
  modelSettings.watch(() => void loadModelSettings().then(syncOllamaOriginRule));
}
