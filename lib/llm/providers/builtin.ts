import { fail, isAbortError, ModelFailure } from '../errors';
import type { ModelProvider } from './types';

/**
 * Chrome's built-in Prompt API (Gemini Nano), typed by @types/dom-chromium-ai.
 * webmachinelearning/prompt-api README: availability() → unavailable | downloadable |
 * downloading | available, for the languages and modalities a session declares.
 */
export type BuiltinAvailability = Availability;

/**
 * The languages a session declares: our instructions are English and the listing is in its
 * own language (English by default); the answer is in the listing's language.
 */
function languageOptions(language = 'en') {
  return {
    expectedInputs: [{ type: 'text' as const, languages: [...new Set(['en', language])] }],
    expectedOutputs: [{ type: 'text' as const, languages: [language] }],
  };
}

/** The API when this context has it; older names (window.ai…) are not supported. */
function languageModelApi(): typeof LanguageModel | null {
  // The types declare it everywhere; only Chrome with the model enabled has it.
  const api = (globalThis as { LanguageModel?: typeof LanguageModel }).LanguageModel;
  return api && typeof api.availability === 'function' ? api : null;
}

/**
 * The Prompt API's errors (explainer: "Error handling" and create()) as seller-facing ones:
 * QuotaExceededError = the prompt is over the input quota; NotSupportedError = a language or
 * option the model can't serve; NotAllowedError = a download that needs a click first;
 * NetworkError = the download failed.
 */
function builtinFailure(error: unknown, signal?: AbortSignal): never {
  if (error instanceof ModelFailure || isAbortError(error) || signal?.aborted) throw error;
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'QuotaExceededError':
      return fail('context-too-long');
    case 'NotSupportedError':
      return fail('builtin-unavailable', { detail: `it can’t handle this request: ${detail}` });
    case 'NotAllowedError':
      return fail('builtin-unavailable', {
        detail: 'it must be downloaded first: start the download in Settings',
      });
    case 'NetworkError':
      return fail('builtin-unavailable', { detail: `its download failed: ${detail}` });
    default:
      return fail('stream-error', { detail });
  }
}

/** 'unsupported' when this browser has no Prompt API at all. */
export async function builtinAvailability(
  language?: string,
): Promise<BuiltinAvailability | 'unsupported'> {
  const api = languageModelApi();
  if (!api) return 'unsupported';
  try {
    return await api.availability(languageOptions(language));
  } catch {
    return 'unavailable';
  }
}

/**
 * Starts (or joins) the model download. Must run in a page from a click: creating a session
 * while "downloadable" needs user activation, which the service worker never has.
 */
export async function downloadBuiltinModel(onProgress: (fraction: number) => void): Promise<void> {
  const api = languageModelApi();
  if (!api) fail('builtin-unavailable', { detail: 'no Prompt API in this browser' });
  try {
    const session = await api.create({
      ...languageOptions(),
      monitor: (target) =>
        target.addEventListener('downloadprogress', (event) => onProgress(event.loaded)),
    });
    session.destroy();
  } catch (error) {
    builtinFailure(error);
  }
}

export function builtinProvider(): ModelProvider {
  const requireAvailable = async (language?: string) => {
    const availability = await builtinAvailability(language);
    if (availability === 'unsupported')
      fail('builtin-unavailable', { detail: 'no Prompt API in this browser' });
    if (availability !== 'available')
      fail('builtin-unavailable', { detail: `model is ${availability}` });
    return languageModelApi()!;
  };
  return {
    engine: 'builtin',
    model: 'Gemini Nano',
    probe: async () => void (await requireAvailable()),
    listModels: async () => ['Gemini Nano'],
    async generate({ messages, schema, signal, onText, language }) {
      const api = await requireAvailable(language);
      const [system, ...rest] = messages;
      let session: LanguageModel | undefined;
      let text = '';
      try {
        session = await api.create({
          ...languageOptions(language),
          initialPrompts: system ? [{ role: 'system', content: system.content }] : [],
          signal,
        });
        const stream = session.promptStreaming(rest.map((m) => m.content).join('\n'), {
          responseConstraint: schema,
          signal,
        });
        for await (const delta of stream) {
          text += delta;
          onText(delta);
        }
      } catch (error) {
        builtinFailure(error, signal);
      } finally {
        session?.destroy();
      }
      return text;
    },
  };
}
