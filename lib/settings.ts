import { browser, storage, type WxtStorageItem } from '#imports';
import { DEFAULT_MODEL_SETTINGS, ModelSettingsSchema, type ModelSettings } from './model-settings';
import { panelLayout, type PanelLayout } from './panel-layout';

export { DEFAULT_MODEL_SETTINGS, EndpointUrlSchema, ModelSettingsSchema } from './model-settings';
export type { ModelSettings } from './model-settings';

/**
 * Settings a seller chooses. They hold no secrets (API keys and Etsy credentials live in
 * lib/secrets). They do decide where listing text goes, so the background makes
 * storage.local readable and writable only by the extension's own pages and itself
 * (`restrictLocalStorage`); the panel keeps its layout in storage.sync (./panel-layout).
 */

/**
 * Defined on first use: WXT reads an item as soon as it is defined (to migrate it), and the
 * content script, which imports this module for the panel's layout, may not read storage.local.
 */
let modelSettingsItem: WxtStorageItem<ModelSettings, Record<string, never>> | undefined;
const modelSettingsStore = () =>
  (modelSettingsItem ??= storage.defineItem<ModelSettings>('local:modelSettings', {
    fallback: DEFAULT_MODEL_SETTINGS,
    version: 2,
    migrations: {
      // Version 1 (saved without a version) had no request limits per provider and no time
      // limit; the seller's own choices are kept and the new fields start at their defaults.
      2: (saved: Partial<ModelSettings>): ModelSettings => ({
        ...DEFAULT_MODEL_SETTINGS,
        ...saved,
      }),
    },
  }));

export const modelSettings = {
  getValue: () => modelSettingsStore().getValue(),
  setValue: (value: ModelSettings) => modelSettingsStore().setValue(value),
  watch: (callback: (value: ModelSettings | null) => void) =>
    modelSettingsStore().watch((value) => callback(value)),
};

/**
 * The model settings, checked: a stored value the form would have refused (edited by hand,
 * or damaged) gives the defaults rather than sending listings somewhere unchecked.
 */
export async function loadModelSettings(): Promise<ModelSettings> {
  const parsed = ModelSettingsSchema.safeParse(await modelSettings.getValue());
  return parsed.success ? parsed.data : DEFAULT_MODEL_SETTINGS;
}

/**
 * Closes storage.local to content scripts, so code running in an etsy.com renderer can't
 * point the model settings somewhere else. Chrome keeps the level across restarts; Firefox
 * only supports it for storage.session, so there the call fails and storage.local stays as
 * it was (README, "Permissions and security"). Also moves a panel layout saved by an older
 * version into storage.sync, where the panel now reads it.
 */
export async function restrictLocalStorage(): Promise<void> {
  try {
    await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Firefox: not supported for storage.local.
  }
  const legacy = await storage.getItem<PanelLayout>('local:panelLayout');
  if (!legacy) return;
  if (!(await storage.getItem('sync:panelLayout'))) await panelLayout.setValue(legacy);
  await storage.removeItem('local:panelLayout');
}
