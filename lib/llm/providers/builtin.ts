import { fail, isAbortError, ModelFailure } from '../errors';
import type { ModelProvider } from './types';

/**
 * Chrome's built-in Prompt API (Gemini Nano), typed here because @types/chrome lacks it.
 * webmachinelearning/prompt-api: availability() → unavailable | downloadable | downloading | available.
 */
export type BuiltinAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface LanguageModelSession {
  promptStreaming(
    input: string,
    options?: { responseConstraint?: unknown; signal?: AbortSignal },
  ): ReadableStream<string>;
  destroy(): void;
}

interface LanguageModelApi {
  availability(options?: object): Promise<BuiltinAvailability>;
  create(options?: {
    initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[];
    expectedOutputs?: { type: 'text'; languages: string[] }[];
    monitor?: (target: EventTarget) => void;
    signal?: AbortSignal;
  }): Promise<LanguageModelSession>;
}

const OPTIONS = { expectedOutputs: [{ type: 'text' as const, languages: ['en'] }] };

/** The API when this context has it; older names (window.ai…) are not supported. */
function languageModelApi(): LanguageModelApi | null {
  const api = (globalThis as { LanguageModel?: LanguageModelApi }).LanguageModel;
  return api && typeof api.availability === 'function' ? api : null;
}

/** 'unsupported' when this browser has no Prompt API at all. */
export async function builtinAvailability(): Promise<BuiltinAvailability | 'unsupported'> {
  const api = languageModelApi();
  if (!api) return 'unsupported';
  try {
    return await api.availability(OPTIONS);
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
  const session = await api.create({
    ...OPTIONS,
    monitor: (target) =>
      target.addEventListener('downloadprogress', (event) =>
        onProgress((event as Event & { loaded: number }).loaded),
      ),
  });
  session.destroy();
}

export function builtinProvider(): ModelProvider {
  const requireAvailable = async () => {
    const availability = await builtinAvailability();
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
    async generate({ messages, schema, signal, onText }) {
      const api = await requireAvailable();
      const [system, ...rest] = messages;
      const session = await api.create({
        ...OPTIONS,
        initialPrompts: system ? [{ role: 'system', content: system.content }] : [],
        signal,
      });
      let text = '';
      try {
        const stream = session.promptStreaming(rest.map((m) => m.content).join('\n'), {
          responseConstraint: schema,
          signal,
        });
        for await (const delta of stream as unknown as AsyncIterable<string>) {
          text += delta;
          onText(delta);
        }
      } catch (error) {
        if (error instanceof ModelFailure || isAbortError(error) || signal.aborted) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        if (error instanceof DOMException && error.name === 'QuotaExceededError') {
          fail('context-too-long');
        }
        fail('stream-error', { detail });
      } finally {
        session.destroy();
      }
      return text;
    },
  };
}
