import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '@/lib/settings';
import type { UserError } from '@/lib/messaging/errors';
import { modelError, userErrorFromModel } from '../errors';
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

const DEFAULT_OPENAI = DEFAULT_MODEL_SETTINGS.openaiBaseUrl;

/**
 * Whether the seller set up an OpenAI-compatible endpoint: a key, or an address of their own
 * (a keyless local server). Automatic never even asks api.openai.com when nothing was set up.
 */
function openAiSetUp({ settings, openaiApiKey }: ProviderContext): boolean {
  return Boolean(openaiApiKey) || settings.openaiBaseUrl !== DEFAULT_OPENAI;
}

/** "Automatic" tries local first: nothing leaves the seller's computer unless they set up a remote key. */
const AUTOMATIC_ORDER: EngineId[] = ['ollama', 'builtin', 'openai'];

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
    if (engine === 'openai' && !openAiSetUp(context)) {
      skipped.push({ engine, error: modelError('api-key-needed', { host: DEFAULT_OPENAI }) });
      continue;
    }
    const candidate = providerFor(engine, context);
    try {
      await candidate.probe(signal);
      return { provider: candidate, skipped };
    } catch (error) {
      if (signal.aborted) throw error;
      skipped.push({ engine, error: userErrorFromModel(error) });
    }
  }
  return { provider: null, skipped };
}
