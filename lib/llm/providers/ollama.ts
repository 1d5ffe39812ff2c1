import { Ollama } from 'ollama/browser';
import { fail, isAbortError, isContextError, ModelFailure, toUserError } from '../errors';
import { CONTEXT_TOKENS } from '../prompt';
import { fetchWithSignal, type ModelProvider } from './types';

export interface OllamaConfig {
  host: string;
  model: string;
  extensionId: string;
}

function sameModel(installed: string, wanted: string): boolean {
  return installed === wanted || installed === `${wanted}:latest`;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status_code?: unknown } | null)?.status_code;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Ollama through ollama-js. A new client per call, because `abort()` on a client stops all
 * of its streams; our signal is merged into its fetch so cancel closes the HTTP request and
 * Ollama stops generating.
 */
export function ollamaProvider({ host, model, extensionId }: OllamaConfig): ModelProvider {
  const client = (signal: AbortSignal) => new Ollama({ host, fetch: fetchWithSignal(signal) });

  const translate = (error: unknown): never => {
    if (error instanceof ModelFailure || isAbortError(error)) throw error;
    if (error instanceof TypeError) fail('ollama-not-running', { host });
    if (statusOf(error) === 403) fail('ollama-origin-forbidden', { host, extensionId });
    throw new ModelFailure(toUserError(error, { host }));
  };

  const listModels = async (signal: AbortSignal) => {
    try {
      const { models } = await client(signal).list();
      return models.map((m) => m.name);
    } catch (error) {
      return translate(error);
    }
  };

  const requireModel = async (signal: AbortSignal) => {
    const installed = await listModels(signal);
    if (installed.length === 0) fail('no-models-installed', { host, model });
    if (!installed.some((name) => sameModel(name, model))) {
      fail('model-not-installed', { host, model, installed });
    }
  };

  return {
    engine: 'ollama',
    model,
    probe: requireModel,
    listModels,
    async generate({ messages, schema, temperature, signal, onText }) {
      let stream;
      try {
        stream = await client(signal).chat({
          model,
          messages,
          format: schema,
          stream: true,
          // Keeps the model loaded between a seller's runs; a cold load is the slow part.
          keep_alive: '10m',
          options: { temperature, num_ctx: CONTEXT_TOKENS },
        });
      } catch (error) {
        if (statusOf(error) === 404) await requireModel(signal);
        return translate(error);
      }
      let text = '';
      try {
        for await (const part of stream) {
          text += part.message.content;
          onText(part.message.content);
        }
      } catch (error) {
        if (isAbortError(error) || signal.aborted) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        if (isContextError(detail)) fail('context-too-long', { host });
        fail('stream-error', { host, detail });
      }
      return text;
    },
  };
}
