import { z } from 'zod';
import { fail, isAbortError, isContextError, ModelFailure } from '../errors';
import type { ModelProvider } from './types';

export interface OpenAiConfig {
  baseUrl: string;
  model: string;
  apiKey: string | null;
}

const ModelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });
const ChunkSchema = z.object({
  choices: z
    .array(z.object({ delta: z.object({ content: z.string().nullish() }).partial() }))
    .default([]),
  error: z.object({ message: z.string() }).optional(),
});

async function errorText(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string };
    return typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? body);
  } catch {
    return body;
  }
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

/** Reads a text/event-stream body and yields each `data:` payload. */
async function* serverSentData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) yield data;
    }
  }
}

/**
 * Any OpenAI-compatible chat-completions endpoint (OpenAI, LM Studio, vLLM, llama.cpp server…).
 * The key is read by the background from lib/secrets and only ever sent to this base URL.
 */
export function openAiProvider({ baseUrl, model, apiKey }: OpenAiConfig): ModelProvider {
  const call = async (path: string, signal: AbortSignal, body?: unknown): Promise<Response> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      return fail(
        (await answersWithoutCors(`${baseUrl}${path}`, signal))
          ? 'endpoint-refuses-extensions'
          : 'endpoint-unreachable',
        { host: baseUrl },
      );
    }
    if (response.ok) return response;
    const detail = await errorText(response);
    if (response.status === 401) fail('bad-api-key', { host: baseUrl });
    if (isContextError(detail)) fail('context-too-long', { host: baseUrl });
    return fail('endpoint-error', { host: baseUrl, status: response.status, detail });
  };

  const listModels = async (signal: AbortSignal) => {
    const response = await call('/models', signal);
    const parsed = ModelListSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      fail('endpoint-error', { host: baseUrl, detail: 'unexpected /models answer' });
    return parsed.data.data.map((m) => m.id);
  };

  return {
    engine: 'openai',
    model,
    async probe(signal) {
      if (!apiKey) fail('no-api-key');
      await listModels(signal);
    },
    listModels,
    async generate({ messages, schema, temperature, signal, onText }) {
      if (!apiKey) fail('no-api-key');
      const response = await call('/chat/completions', signal, {
        model,
        messages,
        temperature,
        stream: true,
        response_format: {
          type: 'json_schema',
          // Not strict: providers differ in which schema keywords strict mode accepts; repair checks the rest.
          json_schema: { name: 'etsy_suggestion', schema, strict: false },
        },
      });
      if (!response.body) fail('endpoint-error', { host: baseUrl, detail: 'empty answer' });
      let text = '';
      try {
        for await (const data of serverSentData(response.body)) {
          if (data === '[DONE]') return text;
          const chunk = ChunkSchema.safeParse(JSON.parse(data));
          if (!chunk.success) continue;
          if (chunk.data.error) {
            const detail = chunk.data.error.message;
            fail(isContextError(detail) ? 'context-too-long' : 'stream-error', {
              host: baseUrl,
              detail,
            });
          }
          const delta = chunk.data.choices[0]?.delta.content ?? '';
          if (delta) {
            text += delta;
            onText(delta);
          }
        }
      } catch (error) {
        if (error instanceof ModelFailure || isAbortError(error) || signal.aborted) throw error;
        fail('stream-error', {
          host: baseUrl,
          detail: error instanceof Error ? error.message : String(error),
        });
      }
      return text;
    },
  };
}
