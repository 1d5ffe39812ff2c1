import { browser } from '#imports';
import { apiKeyFor, apiKeyStatus, saveApiKey } from '@/lib/llm/api-key';
import { userErrorFromModel } from '@/lib/llm/errors';
import { ollamaHostInUse, syncOllamaOriginRule, withOllamaOriginRule } from '@/lib/llm/origin-rule';
import { providerFor } from '@/lib/llm/providers';
import { modelStatus, testModel } from '@/lib/llm/status';
import { debugLog } from '@/lib/log';
import { handle } from '@/lib/messaging/handle';
import {
  DEFAULT_MODEL_SETTINGS,
  loadModelSettings,
  modelSettings,
  type ModelSettings,
} from '@/lib/settings';

/**
 * Runs an options-page request against a possibly unsaved address. A rule for its Ollama
 * host is added for the duration, next to the saved host's; its errors come back as values.
 */
async function onDraft<T>(host: string, ollamaHost: string | null, task: () => Promise<T>) {
  try {
    return { ok: true as const, value: await withOllamaOriginRule(ollamaHost, task) };
  } catch (error) {
    debugLog('model', 'options-page request failed', { error: String(error) });
    return { ok: false as const, error: userErrorFromModel(error, { host }) };
  }
}

export function setupModelHandlers(): void {
  const extensionOrigin = browser.runtime.getURL('/');
  handle('listModels', async ({ engine, address, apiKey }) => {
    const settings: ModelSettings =
      engine === 'ollama'
        ? { ...DEFAULT_MODEL_SETTINGS, provider: 'ollama', ollamaHost: address }
        : { ...DEFAULT_MODEL_SETTINGS, provider: 'openai', openaiBaseUrl: address };
    const openaiApiKey = engine === 'openai' ? await apiKeyFor(address, apiKey) : null;
    // Ollama's own /v1 as the OpenAI-compatible address needs the Origin rule too.
    return onDraft(address, ollamaHostInUse(settings), () =>
      providerFor(engine, { settings, openaiApiKey, extensionOrigin }).listModels(
        AbortSignal.timeout(10_000),
      ),
    );
  });
  handle('testModel', async ({ settings, apiKey }) => {
    const openaiApiKey = await apiKeyFor(settings.openaiBaseUrl, apiKey);
    return onDraft(settings.ollamaHost, ollamaHostInUse(settings), () =>
      testModel({ settings, openaiApiKey, extensionOrigin }),
    );
  });
  handle('getModelStatus', async () => {
    const settings = await loadModelSettings();
    await syncOllamaOriginRule(settings);
    return modelStatus({
      settings,
      openaiApiKey: await apiKeyFor(settings.openaiBaseUrl),
      extensionOrigin,
    });
  });
  handle('saveOpenaiApiKey', (request) =>
    saveApiKey(request.apiKey, 'address' in request ? request.address : null),
  );
  handle('getOpenaiApiKeyStatus', () => apiKeyStatus());

  // The saved host's Origin rule follows the saved settings: re-created at start (session
  // rules do not survive a browser restart) and updated or removed whenever they change.
  void loadModelSettings().then(syncOllamaOriginRule);
  modelSettings.watch(() => void loadModelSettings().then(syncOllamaOriginRule));
}
