import { loadModelSettings, modelSettings } from '@/lib/settings';

/**
 * Debug logging, off unless the seller turns it on in the options page. Values under a
 * key that looks secret are masked, so turning logging on never leaks an API key.
 */
let enabled = false;
let watching = false;

const SECRET_KEY = /key|token|secret|authorization|password/i;

function startWatching(): void {
  if (watching) return;
  watching = true;
  void loadModelSettings().then((settings) => (enabled = settings.debugLogging));
  modelSettings.watch((next) => (enabled = Boolean(next?.debugLogging)));
}

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
