import { storage } from '#imports';
import { loadModelSettings, modelSettings } from '@/lib/settings';

/**
 * Debug logging, off unless the seller turns it on in the options page. Values under a
 * key that looks secret are masked, so turning logging on never leaks an API key.
 */
let enabled = false;
let watching = false;

const SECRET_KEY = /key|token|secret|authorization|password/i;

/**
 * The switch as every part may read it: the settings live in storage.local, which is closed
 * to the content script, so the background copies this one harmless flag to storage.sync.
 */
const debugLoggingSwitch = storage.defineItem<boolean>('sync:debugLogging', { fallback: false });

/** Background: keeps the copy of the switch in step with the saved settings. */
export function mirrorDebugLogging(): void {
  const copy = () =>
    void loadModelSettings().then((settings) => debugLoggingSwitch.setValue(settings.debugLogging));
  copy();
  modelSettings.watch(copy);
}

function startWatching(): void {
  if (watching) return;
  watching = true;
  void debugLoggingSwitch.getValue().then((value) => (enabled = value));
  debugLoggingSwitch.watch((value) => (enabled = Boolean(value)));
}

/** @internal exported for its unit test */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '***' : maskSecrets(v)]),
    );
  }
  return value;
}

export function debugLog(scope: string, message: string, details?: unknown): void {
  startWatching();
  if (!enabled) return;
  console.debug(
    `[copilot:${scope}] ${message}`,
    ...(details === undefined ? [] : [maskSecrets(details)]),
  );
}
