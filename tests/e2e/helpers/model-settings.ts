import type { Page, Worker } from '@playwright/test';
import { DEFAULT_MODEL_SETTINGS } from '../../../lib/model-settings';

/**
 * Changes the saved model settings directly, as the options page's Save would: always a whole
 * settings object (the extension reads a partial one as damaged, and uses the defaults).
 */
export async function saveModelSettings(
  worker: Worker,
  changes: Record<string, unknown>,
): Promise<void> {
  await worker.evaluate(
    async ({ defaults, changes }) => {
      const { modelSettings } = await chrome.storage.local.get('modelSettings');
      await chrome.storage.local.set({
        modelSettings: { ...defaults, ...(modelSettings ?? {}), ...changes },
      });
    },
    { defaults: DEFAULT_MODEL_SETTINGS, changes },
  );
}

/** Enters an API key on the options page and hands it to the background. */
export async function useApiKey(options: Page, key: string): Promise<void> {
  await options.getByLabel('API key').fill(key);
  await options.getByRole('button', { name: 'Use this key' }).click();
}
