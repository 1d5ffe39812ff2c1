import { createParser } from 'eventsource-parser';
import ky from 'ky';
import { z } from 'zod';
import { fail, isAbortError, isContextError, ModelFailure } from '../errors';
import type { RefusedParameters } from '../refused-parameters';
import type { ModelProvider } from './types';

export interface OpenAiConfig {
  baseUrl: string;
  model: string;
  /** Optional: LM Studio, llama.cpp's server and Ollama's /v1 need none by default. */
  apiKey: string | null;
  /** Parameters this model refused before, so they are left out. */
  refused: RefusedParameters;
}

const ModelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

/**
 * One streamed chunk. Thinking arrives as `reasoning_content` (llama.cpp's server, vLLM) or
 * `reasoning` (Ollama's /v1, newer vLLM); the usage chunk has no choices; an `error`
 * (object or bare string) can come in place of a chunk.
 */
const ChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            reasoning: z.string().nullish(),
          })
          .partial()
          .default({}),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  error: z.union([z.string(), z.object({ message: z.string() }).passthrough()]).optional(),
});

/** An error body in any of the shapes OpenAI-compatible servers use. */
interface ErrorBody {
  message: string;
  param?: string | null;
}

async function readError(response: Response): Promise<ErrorBody> {
  const body = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as {
      error?: { message?: string; param?: string | null } | string;
      message?: string;
    };
    if (typeof parsed.error === 'string') return { message: parsed.error };
    if (parsed.error?.message) return { message: parsed.error.message, param: parsed.error.param };
    // vLLM: the fields at the top level.
    return { message: parsed.message ?? body };
  } catch {
    return { message: body };
  }
}

/**
 * A 400 saying the model accepts no temperature but its default (OpenAI's reasoning
 * models: param "temperature", code "unsupported_value").
 */
function refusesTemperature(error: ErrorBody): boolean {
  const aboutTemperature = error.param === 'temperature' || /\btemperature\b/i.test(error.message);
  return aboutTemperature && /unsupported|not support|only the default/i.test(error.message);
}

function retryAfterSeconds(header: string | null): number | undefined {
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/**
 * Whether a failed request's server answers at all. A `no-cors` request reads nothing
 * back but succeeds whenever the server answers, so a server that only refused our
 * cross-origin request (CORS off) is told apart from one that is down.
 */
async function answersWithoutCors(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a text/event-stream body and yields each event's data, including an unterminated
 * last event. Ollama's /v1 writes an error that comes after streaming started as a plain
 * JSON line without `data:`; the parser reports that line as an unknown field, and it is
 * yielded too.
 */
async function* serverSentData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const payloads: string[] = [];
  const parser = createParser({
    onEvent: (event) => void payloads.push(event.data),
    onError: (error) => {
      if (error.type === 'unknown-field' && error.line?.startsWith('{')) payloads.push(error.line);
    },
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (let done = false; !done;) {
    const read = await reader.read();
    done = read.done;
    // A blank line at the end dispatches a last event the server left unterminated.
    parser.feed(done ? decoder.decode() + '\n\n' : decoder.decode(read.value, { stream: true }));
    yield* payloads.splice(0);
  }
}

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, LM Studio, vLLM, llama.cpp server…).
 * The key, when there is one, is read by the background from lib/secrets and only ever sent
 * to this base URL.
 */
export function openAiProvider({ baseUrl, model, apiKey, refused }: OpenAiConfig): ModelProvider {
  const host = baseUrl;

  const send = async (path: string, signal: AbortSignal, body?: unknown): Promise<Response> => {
    try {
      return await ky(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        json: body,
        signal,
        // Errors are read from the answer below; a model may think for minutes before its first byte.
        throwHttpErrors: false,
        retry: 0,
        timeout: false,
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      return fail(
        (await answersWithoutCors(`${baseUrl}${path}`, signal))
          ? 'endpoint-refuses-extensions'
          : 'endpoint-unreachable',
        { host },
      );
    }
  };

  const refuse = (response: Response, error: ErrorBody): never => {
    if (response.status === 401) fail(apiKey ? 'bad-api-key' : 'api-key-needed', { host });
    if (response.status === 429) {
      fail('rate-limited', {
        host,
        seconds: retryAfterSeconds(response.headers.get('retry-after')),
      });
    }
    if (isContextError(error.message)) fail('context-too-long', { host });
    return fail('endpoint-error', { host, status: response.status, detail: error.message });
  };

  const listModels = async (signal: AbortSignal) => {
    const response = await send('/models', signal);
    if (!response.ok) refuse(response, await readError(response));
    const parsed = ModelListSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) fail('endpoint-error', { host, detail: 'unexpected /models answer' });
    return parsed.data.data.map((m) => m.id);
  };

  /** Sends the request; a model that refuses the temperature is asked once more without it. */
  const complete = async (
    signal: AbortSignal,
    request: Record<string, unknown>,
    temperature: number,
  ): Promise<Response> => {
    const withTemperature = !(await refused.list()).includes('temperature');
    let response = await send(
      '/chat/completions',
      signal,
      withTemperature ? { ...request, temperature } : request,
    );
    if (response.ok) return response;
    let error = await readError(response);
    if (response.status === 400 && withTemperature && refusesTemperature(error)) {
      await refused.remember('temperature');
      response = await send('/chat/completions', signal, request);
      if (response.ok) return response;
      error = await readError(response);
    }
    return refuse(response, error);
  };

  return {
    engine: 'openai',
    model,
    probe: async (signal) => void (await listModels(signal)),
    listModels,
    async adjustments() {
      return (await refused.list()).includes('temperature')
        ? [
            `${model} accepts only its default temperature, so the extension no longer sends one to it.`,
          ]
        : [];
    },
    async generate({ messages, schema, temperature, signal, onText, onThinking }) {
      const response = await complete(
        signal,
        {
          model,
          messages,
          stream: true,
          response_format: {
            type: 'json_schema',
            // Not strict: providers differ in which schema keywords strict mode accepts; repair checks the rest.
            json_schema: { name: 'etsy_suggestion', schema, strict: false },
          },
        },
        temperature,
      );
      if (!response.body) fail('endpoint-error', { host, detail: 'empty answer' });
      let text = '';
      try {
        for await (const data of serverSentData(response.body)) {
          if (data === '[DONE]') return text;
          const chunk = ChunkSchema.safeParse(JSON.parse(data));
          if (!chunk.success) continue;
          const { error, choices } = chunk.data;
          if (error !== undefined) {
            const detail = typeof error === 'string' ? error : error.message;
            fail(isContextError(detail) ? 'context-too-long' : 'stream-error', { host, detail });
          }
          const choice = choices?.[0];
          const thinking = choice?.delta.reasoning_content ?? choice?.delta.reasoning;
          if (thinking) onThinking?.(thinking);
          const delta = choice?.delta.content;
          if (delta) {
            text += delta;
            onText(delta);
          }
          if (choice?.finish_reason === 'length') fail('answer-cut-off', { host });
        }
      } catch (error) {
        if (error instanceof ModelFailure || isAbortError(error) || signal.aborted) throw error;
        fail('stream-error', {
          host,
          detail: error instanceof Error ? error.message : String(error),
        });
      }
      // The server never said the answer was finished: what came may be a fragment.
      return fail('stream-error', { host, detail: 'the stream ended before the answer finished' });
    },
  };
}
