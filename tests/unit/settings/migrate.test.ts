import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Model settings as the first version saved them: no request limits, no time limit. */
const SAVED_BY_FIRST_VERSION = {
  provider: 'openai',
  ollamaHost: 'http://localhost:11434',
  ollamaModel: 'llama3.2',
  openaiBaseUrl: 'https://api.groq.com/openai/v1',
  openaiModel: 'llama-3.1-8b-instant',
  temperature: 0.7,
  instructions: 'Warm, short sentences. Never say "cheap".',
  debugLogging: true,
};

/** The extension starting after an update: lib/settings is loaded afresh over what was stored. */
async function startUpdatedExtension() {
  vi.resetModules();
  return import('@/lib/settings');
}

it('keeps every choice saved by the first version and starts the new fields at their defaults', async () => {
  await fakeBrowser.storage.local.set({ modelSettings: SAVED_BY_FIRST_VERSION });
  const { loadModelSettings } = await startUpdatedExtension();
  const migrated = {
    ...SAVED_BY_FIRST_VERSION,
    ollamaConcurrency: 1,
    openaiConcurrency: 4,
    timeoutSeconds: 120,
  };
  expect(await loadModelSettings()).toEqual(migrated);
  // Migrated once, in storage: the next start reads it as it is.
  expect(await fakeBrowser.storage.local.get(['modelSettings', 'modelSettings$'])).toEqual({
    modelSettings: migrated,
    modelSettings$: { v: 2 },
  });
});

it('keeps settings saved by the current form before versions were recorded', async () => {
  const saved = {
    ...SAVED_BY_FIRST_VERSION,
    ollamaConcurrency: 2,
    openaiConcurrency: 8,
    timeoutSeconds: 300,
  };
  await fakeBrowser.storage.local.set({ modelSettings: saved });
  const { loadModelSettings } = await startUpdatedExtension();
  expect(await loadModelSettings()).toEqual(saved);
});

it('gives the defaults when nothing is saved, or what is saved would be refused', async () => {
  const { loadModelSettings, DEFAULT_MODEL_SETTINGS } = await startUpdatedExtension();
  expect(await loadModelSettings()).toEqual(DEFAULT_MODEL_SETTINGS);
  await fakeBrowser.storage.local.set({
    modelSettings: { ...DEFAULT_MODEL_SETTINGS, ollamaHost: 'http://203.0.113.9:11434' },
  });
  expect(await loadModelSettings()).toEqual(DEFAULT_MODEL_SETTINGS);
});
