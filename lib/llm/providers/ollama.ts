import { Ollama } from 'ollama/browser';
import { fail, isAbortError, isContextError, ModelFailure, userErrorFromModel } from '../errors';
import { CONTEXT_TOKENS } from '../prompt';
import { fetchWithSignal, type ModelProvider, type ModelTraits } from './types';

export interface OllamaConfig {
  host: string;
  model: string;
  /** The extension's base URL (runtime.getURL('')), for the OLLAMA_ORIGINS advice. */
  extensionOrigin: string;
}

/**
 * gpt-oss ignores `think: true/false` and takes only levels (ollama/ollama v0.33.0-rc2
 * docs/capabilities/thinking.mdx); Ollama reports its family as "gptoss".
 */
function alwaysThinks(model: string, family?: string): boolean {
  return family === 'gptoss' || /(^|\/)gpt-oss\b/i.test(model);
}

/**
 * Room for the thinking of a model that can't stop thinking, on top of the prompt and the
 * answer: gpt-oss at "low" writes a few hundred to a couple of thousand tokens first, all
 * inside num_ctx.
 */
const THINKING_TOKENS = 8192;

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
export function ollamaProvider({ host, model, extensionOrigin }: OllamaConfig): ModelProvider {
  const client = (signal: AbortSignal) => new Ollama({ host, fetch: fetchWithSignal(signal) });

  const translate = (error: unknown): never => {
    if (error instanceof ModelFailure || isAbortError(error)) throw error;
    if (error instanceof TypeError) fail('ollama-not-running', { host, extensionOrigin });
    if (statusOf(error) === 403) fail('ollama-origin-forbidden', { host, extensionOrigin });
    throw new ModelFailure(userErrorFromModel(error, { host }));
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

  const traits = async (signal: AbortSignal): Promise<ModelTraits> => {
    try {
      const shown = await client(signal).show({ model });
      const thinks = shown.capabilities?.includes('thinking') ?? false;
      return { thinks, alwaysThinks: thinks && alwaysThinks(model, shown.details?.family) };
    } catch (error) {
      if (statusOf(error) === 404) await requireModel(signal);
      return translate(error);
    }
  };

  return {
    engine: 'ollama',
    model,
    probe: requireModel,
    listModels,
    traits,
    async generate({ messages, schema, temperature, signal, onText, onThinking }) {
      const cannotStopThinking = alwaysThinks(model);
      let stream;
      try {
        stream = await client(signal).chat({
          model,
          messages,
          format: schema,
          stream: true,
          // Thinking models (qwen3, deepseek-r1…) think by default; their answer fits the time
          // limit only without it. A model that can't think ignores `false` (routes.go refuses
          // only `true`); gpt-oss can't stop, so it thinks as little as it can.
          think: cannotStopThinking ? 'low' : false,
          // Keeps the model loaded between a seller's runs; a cold load is the slow part.
          keep_alive: '10m',
          options: {
            temperature,
            num_ctx: cannotStopThinking ? CONTEXT_TOKENS + THINKING_TOKENS : CONTEXT_TOKENS,
          },
        });
      } catch (error) {
        if (statusOf(error) === 404) await requireModel(signal);
        return translate(error);
      }
      let text = '';
      try {
        for await (const part of stream) {
          if (part.message.thinking) onThinking?.(part.message.thinking);
          if (part.message.content) {
            text += part.message.content;
            onText(part.message.content);
          }
          // "length": num_ctx or num_predict ran out, so the JSON is unfinished.
          if (part.done && part.done_reason === 'length') fail('answer-cut-off', { host });
        }
      } catch (error) {
        if (error instanceof ModelFailure) throw error;
        if (isAbortError(error) || signal.aborted) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        if (isContextError(detail)) fail('context-too-long', { host });
        fail('stream-error', { host, detail });
      }
      return text;
    },
  };
}
