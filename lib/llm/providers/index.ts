import type { ModelSettings } from '@/lib/settings';
import type { UserError } from '@/lib/messaging/errors';
import { toUserError } from '../errors';
import { builtinProvider } from './builtin';
import { ollamaProvider } from './ollama';
import { openAiProvider } from './openai';
import { refusedParametersFor } from '../refused-parameters';
import type { EngineId, ModelProvider } from './types';

export type { EngineId, ModelProvider } from './types';

export interface ProviderContext {
  settings: ModelSettings;
  openaiApiKey: string | null;
  /** runtime.getURL(''): chrome-extension://<id>/ or, in Firefox, moz-extension://<uuid>/. */
  extensionOrigin: string;
}

/** "Automatic" tries local first: nothing leaves the seller's computer unless they set up a remote key. */
export const AUTOMATIC_ORDER: EngineId[] = ['ollama', 'builtin', 'openai'];

export function providerFor(
  engine: EngineId,
  { settings, openaiApiKey, extensionOrigin }: ProviderContext,
): ModelProvider {
  switch (engine) {
    case 'ollama':
      return ollamaProvider({
        host: settings.ollamaHost,
        model: settings.ollamaModel,
        extensionOrigin,
      });
    case 'openai':
      return openAiProvider({
        baseUrl: settings.openaiBaseUrl,
        model: settings.openaiModel,
        apiKey: openaiApiKey,
        refused: refusedParametersFor(settings.openaiBaseUrl, settings.openaiModel),
      });
    case 'builtin':
      return builtinProvider();
  }
}

export function concurrencyFor(engine: EngineId, settings: ModelSettings): number {
  if (engine === 'ollama') return settings.ollamaConcurrency;
  if (engine === 'openai') return settings.openaiConcurrency;
  return 1;
}

export interface ProviderChoice {
  provider: ModelProvider | null;
  /** Why earlier providers were skipped (Automatic only). */
  skipped: { engine: EngineId; error: UserError }[];
}

/**
 * The provider to use: the chosen one as is (its own errors explain any failure), or for
 * Automatic the first that passes its probe; null means none works and offline rules serve.
 */
export async function chooseProvider(
  context: ProviderContext,
  signal: AbortSignal,
): Promise<ProviderChoice> {
  const { provider } = context.settings;
  if (provider === 'offline') return { provider: null, skipped: [] };
  if (provider !== 'auto') return { provider: providerFor(provider, context), skipped: [] };
  const skipped: ProviderChoice['skipped'] = [];
  for (const engine of AUTOMATIC_ORDER) {
    const candidate = providerFor(engine, context);
    try {
      await candidate.probe(signal);
      return { provider: candidate, skipped };
    } catch (error) {
      if (signal.aborted) throw error;
      skipped.push({ engine, error: toUserError(error) });
    }
  }
  return { provider: null, skipped };
}
