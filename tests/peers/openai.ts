import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http';

/**
 * A fake OpenAI-compatible server: GET /v1/models, POST /v1/chat/completions streamed as
 * Server-Sent Events, in the shapes the real servers use. It answers CORS like
 * api.openai.com does, so the extension reaches it without a host permission;
 * `allowsCors = false` makes it a server with CORS off, like LM Studio by default.
 */
export interface CompletionLog {
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/**
 * How each server says a prompt doesn't fit (HTTP 400 before streaming):
 * - openai: api.openai.com, code "context_length_exceeded" (openai/openai-node src/error.ts
 *   passes the body through as is);
 * - llama.cpp: ggml-org/llama.cpp tools/server/server-context.cpp (error type
 *   "exceed_context_size_error", n_prompt_tokens and n_ctx beside the message; older builds
 *   said "the request exceeds the available context size, try increasing it");
 * - vllm: vllm-project/vllm vllm/entrypoints/openai/serving_engine.py (v0.10, _validate_input;
 *   its ErrorResponse then had the fields at the top level, as here).
 */
export const CONTEXT_OVERFLOW_BODIES = {
  openai: {
    error: {
      message:
        "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    },
  },
  'llama.cpp': {
    error: {
      code: 400,
      message:
        'request (9218 tokens) exceeds the available context size (8192 tokens), try increasing it',
      type: 'exceed_context_size_error',
      n_prompt_tokens: 9218,
      n_ctx: 8192,
    },
  },
  vllm: {
    object: 'error',
    message:
      "This model's maximum context length is 8192 tokens. However, you requested 9218 tokens (7170 in the messages, 2048 in the completion). Please reduce the length of the messages or completion.",
    type: 'BadRequestError',
    param: null,
    code: 400,
  },
} as const;

/**
 * What api.openai.com answers a reasoning model (o1, o3, gpt-5…) sent any temperature but 1
 * (as reported verbatim in e.g. QwenLM/qwen-code#921, OpenHands/OpenHands#4131).
 */
function temperatureRefusal(value: unknown) {
  return {
    error: {
      message: `Unsupported value: 'temperature' does not support ${String(value)} with this model. Only the default (1) value is supported.`,
      type: 'invalid_request_error',
      param: 'temperature',
      code: 'unsupported_value',
    },
  };
}

/** The key a fake server demands unless told otherwise. */
export const FAKE_OPENAI_KEY = 'sk-test-right';

export class FakeOpenAi {
  /**
   * The key the server demands; null = a server started without one (LM Studio by default,
   * llama.cpp's server without --api-key, Ollama's /v1), which ignores any Authorization.
   */
  apiKey: string | null = FAKE_OPENAI_KEY;
  models = ['gpt-4o-mini', 'gpt-4o'];
  reply: (body: Record<string, unknown>) => string = () => '{}';
  chunkSize = 32;
  /** Delay between chunks, like a model's token cadence. */
  chunkDelayMs = 0;
  allowsCors = true;
  /**
   * Reasoning streamed before the answer, one delta field per chunk with `content` null:
   * `reasoning_content` as llama.cpp's server (--reasoning-format deepseek, the default) and
   * vLLM's reasoning parsers send it; `reasoning` as Ollama's /v1 (openai/openai.go) and newer
   * vLLM do.
   */
  reasoning = '';
  reasoningField: 'reasoning_content' | 'reasoning' = 'reasoning_content';
  /** The last chunk's finish_reason: "length" when max_tokens or the context ran out. */
  finishReason: 'stop' | 'length' = 'stop';
  /** After this many content chunks, send an error chunk in the server's shape and end. */
  failAfterChunks?: number;
  /**
   * The mid-stream error's shape: openai/openai-node src/core/streaming.ts (commit 009322de)
   * throws on any chunk whose `error` field is truthy, object or string; "object" is OpenAI's `{"error":{"message":…}}`, "string" a bare
   * `{"error":"…"}` as some proxies send.
   */
  midStreamError: 'object' | 'string' = 'object';
  /** End the stream without `data: [DONE]`, as a server that dies after a clean chunk. */
  omitDone = false;
  /** Models that accept only the default temperature (reasoning models): 400 otherwise. */
  refusesTemperature: string[] = [];
  /** Answer 429 with Retry-After (seconds), as api.openai.com does when rate-limited. */
  rateLimitRetryAfter: number | null = null;
  /** Refuse the prompt as too long, in the named server's own wording. */
  contextOverflow: keyof typeof CONTEXT_OVERFLOW_BODIES | null = null;
  readonly completions: CompletionLog[] = [];
  /** Every request but CORS preflights, with the Authorization it carried. */
  readonly requests: { method: string; path: string; authorization: string | undefined }[] = [];

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://openai.local');
    const cors: Record<string, string> = this.allowsCors
      ? {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-expose-headers': 'retry-after',
        }
      : {};
    if (req.method === 'OPTIONS') {
      // Without CORS, a server answers the preflight like any OPTIONS: no Access-Control headers.
      res.writeHead(this.allowsCors ? 204 : 200, this.allowsCors ? cors : { allow: 'GET, POST' });
      res.end();
      return;
    }
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      authorization: req.headers.authorization,
    });
    if (this.apiKey !== null && req.headers.authorization !== `Bearer ${this.apiKey}`) {
      // api.openai.com's wording differs for a missing and a wrong key.
      const message = req.headers.authorization
        ? 'Incorrect API key provided.'
        : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
      sendJson(
        res,
        401,
        {
          error: {
            message,
            type: 'invalid_request_error',
            param: null,
            code: req.headers.authorization ? 'invalid_api_key' : null,
          },
        },
        cors,
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      sendJson(
        res,
        200,
        { object: 'list', data: this.models.map((id) => ({ id, object: 'model' })) },
        cors,
      );
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      this.completions.push({ authorization: req.headers.authorization, body });
      await this.complete(body, res, cors);
      return;
    }
    sendJson(res, 404, { error: { message: 'Not found' } }, cors);
  }

  private async complete(
    body: Record<string, unknown>,
    res: ServerResponse,
    cors: Record<string, string>,
  ): Promise<void> {
    const model = String(body.model);
    if (!this.models.includes(model)) {
      sendJson(
        res,
        404,
        { error: { message: `The model \`${model}\` does not exist`, code: 'model_not_found' } },
        cors,
      );
      return;
    }
    if (this.rateLimitRetryAfter !== null) {
      sendJson(
        res,
        429,
        {
          error: {
            message: `Rate limit reached for ${model} on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${this.rateLimitRetryAfter}s.`,
            type: 'requests',
            param: null,
            code: 'rate_limit_exceeded',
          },
        },
        { ...cors, 'retry-after': String(this.rateLimitRetryAfter) },
      );
      return;
    }
    if (
      this.refusesTemperature.includes(model) &&
      body.temperature !== undefined &&
      body.temperature !== 1
    ) {
      sendJson(res, 400, temperatureRefusal(body.temperature), cors);
      return;
    }
    if (this.contextOverflow) {
      sendJson(res, 400, CONTEXT_OVERFLOW_BODIES[this.contextOverflow], cors);
      return;
    }
    res.writeHead(200, { ...cors, 'content-type': 'text/event-stream' });
    const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1767225600, model };
    const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
    const choice = (delta: Record<string, unknown>, finish: string | null = null) => ({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
    const pause = () => new Promise((resolve) => setTimeout(resolve, this.chunkDelayMs));
    // As api.openai.com streams: the first chunk names the role with empty content.
    send(choice({ role: 'assistant', content: '', refusal: null }));
    for (let at = 0; at < this.reasoning.length; at += this.chunkSize) {
      send(
        choice({
          content: null,
          [this.reasoningField]: this.reasoning.slice(at, at + this.chunkSize),
        }),
      );
      await pause();
    }
    const reply = this.reply(body);
    let sent = 0;
    for (let at = 0; at < reply.length; at += this.chunkSize) {
      if (this.failAfterChunks !== undefined && sent >= this.failAfterChunks) {
        send(
          this.midStreamError === 'string'
            ? { error: 'upstream model crashed' }
            : {
                error: {
                  message: 'The server had an error while processing your request.',
                  type: 'server_error',
                },
              },
        );
        res.end();
        return;
      }
      send(choice({ content: reply.slice(at, at + this.chunkSize) }));
      sent++;
      await pause();
    }
    send(choice({}, this.finishReason));
    // stream_options.include_usage: one more chunk with empty choices and the usage.
    send({
      ...base,
      choices: [],
      usage: { prompt_tokens: 812, completion_tokens: sent, total_tokens: 812 + sent },
    });
    res.end(this.omitDone ? '' : 'data: [DONE]\n\n');
  }
}

export async function startFakeOpenAi(): Promise<{
  openai: FakeOpenAi;
  baseUrl: string;
  close(): Promise<void>;
}> {
  const openai = new FakeOpenAi();
  const server: Server = createServer((req, res) => {
    openai.handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    openai,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
