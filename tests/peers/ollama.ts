import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http';

/**
 * Ollama's default Origin allowlist (ollama/ollama envconfig/config.go): loopback hosts
 * on any port over http/https, and a few app schemes. Browser extensions are not on it.
 */
const DEFAULT_ALLOWED = [
  /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0)(:\d+)?$/,
  /^(app|file|tauri|vscode-webview|vscode-file):\/\//,
];

export interface FakeOllamaModel {
  name: string;
  /**
   * What /api/show reports (ollama/ollama v0.33.0-rc2 api/types.go ShowResponse.Capabilities);
   * "thinking" makes the model think unless asked not to (server/routes.go ChatHandler sets
   * `think` to true when the request leaves it out).
   */
  capabilities?: string[];
  /**
   * The model family (ShowResponse.Details.Family). "gptoss" models use Ollama's harmony
   * parser, which ignores `think: true/false` and only takes levels (docs/capabilities/thinking.mdx).
   */
  family?: string;
}

export interface ChatRequestLog {
  origin: string | undefined;
  body: Record<string, unknown>;
}

export interface FakeOllamaScript {
  /** The assistant's whole reply; streamed in `chunkSize`-character pieces. */
  reply: (request: Record<string, unknown>) => string;
  chunkSize: number;
  /** Delay between streamed chunks, like a model's token cadence. */
  chunkDelayMs: number;
  /** After this many chunks, send an `{"error": …}` line instead of the rest. */
  failAfterChunks?: number;
  /** Stop sending (but keep the connection open) after this many chunks. */
  stallAfterChunks?: number;
  /** Destroy the connection after this many chunks, as when Ollama is killed mid-answer. */
  killAfterChunks?: number;
  /**
   * What the model "thinks" before its answer, streamed in `message.thinking` (content
   * empty) when the model thinks. Ollama v0.33.0-rc2 server/routes.go: structured output is
   * applied only after thinking ends, so thinking is free text and the JSON comes after.
   */
  thinking?: string;
  /** The final line's done_reason: "length" when num_predict or the context ran out (llm/server.go DoneReason). */
  doneReason?: 'stop' | 'length';
  /**
   * End the stream cleanly without the final `done: true` line (ollama/ollama-js 0.6.4
   * AbortableAsyncIterator then throws "Did not receive done or success response in stream.").
   */
  omitDone?: boolean;
  /** Refuse the chat before streaming with this status and `{"error": message}` body. */
  rejectWith?: { status: number; error: string };
}

/** Ollama v0.33.0-rc2 server/routes.go, api/types.go: the body of every error is `{"error": "…"}`. */
export const OLLAMA_CONTEXT_OVERFLOW = 'the input length exceeds the context length';

export class FakeOllama {
  /** Extra allowed origins, as OLLAMA_ORIGINS adds them ("*" allows all). */
  allowedOrigins: string[] = [];
  /**
   * Replaces the default allowlist, like an Ollama whose OLLAMA_HOST/ORIGINS setup admits
   * nothing the extension can send: every request with an Origin gets 403.
   */
  refuseEveryOrigin = false;
  /** Drop connections without answering, as when Ollama is not running. */
  down = false;
  models: FakeOllamaModel[] = [{ name: 'llama3.2:latest' }];
  script: FakeOllamaScript = {
    reply: () => '{}',
    chunkSize: 24,
    chunkDelayMs: 5,
  };
  readonly chats: ChatRequestLog[] = [];
  readonly requests: { method: string; path: string; origin: string | undefined }[] = [];
  /** Chats whose client went away before the reply finished (cancel reached the model). */
  cancelledChats = 0;
  /** Most streamed chats in progress at once: how hard the extension's queue lets us be hit. */
  maxConcurrentChats = 0;
  private activeChats = 0;
  /**
   * Stops listening and drops every open connection, as when Ollama is quit: new
   * connections are refused. Set by `startFakeOllama`.
   */
  stop: () => Promise<void> = () => Promise.resolve();
  /** Listens again on the same port after `stop()`. */
  restart: () => Promise<void> = () => Promise.resolve();

  isAllowed(origin: string | undefined): boolean {
    if (!origin) return true;
    if (this.refuseEveryOrigin) return false;
    if (this.allowedOrigins.includes('*') || this.allowedOrigins.includes(origin)) return true;
    return DEFAULT_ALLOWED.some((pattern) => pattern.test(origin));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://ollama.local');
    const origin = req.headers.origin;
    if (this.down) {
      req.socket.destroy();
      return;
    }
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname, origin });
    if (!this.isAllowed(origin)) {
      res.writeHead(403).end();
      return;
    }
    if (origin) res.setHeader('access-control-allow-origin', origin);
    if (req.method === 'OPTIONS') {
      res
        .writeHead(204, {
          'access-control-allow-headers': '*',
          'access-control-allow-methods': '*',
        })
        .end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('Ollama is running');
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/version') {
      sendJson(res, 200, { version: '0.12.0' });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/tags') {
      sendJson(res, 200, { models: this.models.map(describeModel) });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/chat') {
      await this.chat(req, res);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/show') {
      await this.show(req, res);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: this.models.map((m) => ({ id: m.name, object: 'model', owned_by: 'library' })),
      });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
      await this.chatCompletions(req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
  }

  private async readJson(req: IncomingMessage, res: ServerResponse) {
    try {
      return JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      sendJson(res, 400, { error: 'invalid character in request body' });
      return null;
    }
  }

  private find(model: string): FakeOllamaModel | undefined {
    return this.models.find((m) => m.name === model || m.name === `${model}:latest`);
  }

  /** POST /api/show (ollama/ollama v0.33.0-rc2 server/routes.go ShowHandler): 404 for an unknown model. */
  private async show(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await this.readJson(req, res);
    if (!body) return;
    const name = String(body.model ?? body.name ?? '');
    const known = this.find(name);
    if (!known) {
      sendJson(res, 404, { error: `model '${name}' not found` });
      return;
    }
    const family = known.family ?? 'llama';
    sendJson(res, 200, {
      details: { format: 'gguf', family, families: [family], parameter_size: '8B' },
      model_info: { 'general.architecture': family },
      capabilities: known.capabilities ?? ['completion', 'tools'],
      modified_at: '2026-10-01T10:00:00Z',
    });
  }

  /**
   * Whether this request makes the model think, as ollama/ollama v0.33.0-rc2 decides it
   * (server/routes.go ChatHandler): a thinking-capable model thinks unless `think` is false;
   * a gpt-oss model always thinks (booleans are ignored); anything else asked to think is a
   * 400 "<model> does not support thinking".
   */
  private thinks(model: FakeOllamaModel, think: unknown): boolean | 'refuse' {
    const capable = model.capabilities?.includes('thinking') ?? false;
    if (!capable) return think === undefined || think === false ? false : 'refuse';
    if (model.family === 'gptoss') return true;
    return think !== false;
  }

  private startStream(res: ServerResponse, contentType: string): { closed: () => boolean } {
    res.writeHead(200, { 'content-type': contentType });
    this.maxConcurrentChats = Math.max(this.maxConcurrentChats, ++this.activeChats);
    let closed = false;
    res.on('close', () => {
      this.activeChats--;
      if (!res.writableFinished) {
        closed = true;
        this.cancelledChats++;
      }
    });
    return { closed: () => closed };
  }

  /** The script's thinking then reply, as [kind, text] pieces of `chunkSize` characters. */
  private pieces(
    body: Record<string, unknown>,
    thinks: boolean,
  ): ['thinking' | 'content', string][] {
    const { chunkSize, thinking } = this.script;
    const split = (text: string) =>
      Array.from({ length: Math.ceil(text.length / chunkSize) }, (_, i) =>
        text.slice(i * chunkSize, (i + 1) * chunkSize),
      );
    return [
      ...(thinks && thinking
        ? split(thinking).map((t) => ['thinking', t] as ['thinking', string])
        : []),
      ...split(this.script.reply(body)).map((t) => ['content', t] as ['content', string]),
    ];
  }

  /** Reads a chat request and logs it; the model it names, if this server has it. */
  private async takeChat(req: IncomingMessage, res: ServerResponse) {
    const body = await this.readJson(req, res);
    if (!body) return null;
    this.chats.push({ origin: req.headers.origin, body });
    const model = String(body.model ?? '');
    return { body, model, known: this.find(model) };
  }

  private async chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chat = await this.takeChat(req, res);
    if (!chat) return;
    const { body, model, known } = chat;
    if (!known) {
      sendJson(res, 404, { error: `model "${model}" not found, try pulling it first` });
      return;
    }
    const thinks = this.thinks(known, body.think);
    if (thinks === 'refuse') {
      sendJson(res, 400, { error: `"${model}" does not support thinking` });
      return;
    }
    if (this.script.rejectWith) {
      sendJson(res, this.script.rejectWith.status, { error: this.script.rejectWith.error });
      return;
    }
    const doneReason = this.script.doneReason ?? 'stop';
    if (body.stream === false) {
      sendJson(res, 200, {
        ...frame(model, this.script.reply(body), true),
        done_reason: doneReason,
      });
      return;
    }
    const stream = this.startStream(res, 'application/x-ndjson');
    const { chunkDelayMs, failAfterChunks, stallAfterChunks, killAfterChunks } = this.script;
    let sent = 0;
    for (const [kind, text] of this.pieces(body, thinks)) {
      if (stream.closed()) return;
      if (failAfterChunks !== undefined && sent >= failAfterChunks) {
        // An error once streaming started is a `{"error": …}` line with HTTP 200 (docs/api/errors.mdx).
        res.end(
          `${JSON.stringify({ error: 'an error was encountered while running the model: unexpected EOF' })}\n`,
        );
        return;
      }
      if (stallAfterChunks !== undefined && sent >= stallAfterChunks) return;
      if (killAfterChunks !== undefined && sent >= killAfterChunks) {
        req.socket.destroy();
        return;
      }
      const line =
        kind === 'thinking'
          ? {
              ...frame(model, '', false),
              message: { role: 'assistant', content: '', thinking: text },
            }
          : frame(model, text, false);
      res.write(`${JSON.stringify(line)}\n`);
      sent++;
      await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
    }
    if (stream.closed()) return;
    if (this.script.omitDone) {
      res.end();
      return;
    }
    res.end(
      `${JSON.stringify({ ...frame(model, '', true), done_reason: doneReason, eval_count: sent })}\n`,
    );
  }

  /**
   * Ollama's OpenAI compatibility (ollama/ollama v0.33.0-rc2 middleware/openai.go, openai/openai.go):
   * chunks carry thinking as `delta.reasoning`; the first chunk names the role; the last has
   * finish_reason ("length" from done_reason), then `data: [DONE]`. An error after streaming
   * started is written by BaseWriter.writeError as a bare JSON line, with no `data:` prefix.
   */
  private async chatCompletions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chat = await this.takeChat(req, res);
    if (!chat) return;
    const { body, model, known } = chat;
    if (!known) {
      sendJson(res, 404, {
        error: {
          message: `model "${model}" not found, try pulling it first`,
          type: 'not_found_error',
        },
      });
      return;
    }
    const thinks = this.thinks(known, body.reasoning_effort === 'none' ? false : undefined);
    const stream = this.startStream(res, 'text/event-stream');
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({
        id: 'chatcmpl-42',
        object: 'chat.completion.chunk',
        created: Math.floor(Date.now() / 1000),
        model,
        system_fingerprint: 'fp_ollama',
        choices: [{ index: 0, delta, finish_reason: finish }],
      })}\n\n`;
    let sent = 0;
    for (const [kind, text] of this.pieces(body, thinks === true)) {
      if (stream.closed()) return;
      if (this.script.failAfterChunks !== undefined && sent >= this.script.failAfterChunks) {
        res.end(
          `${JSON.stringify({ error: { message: 'an error was encountered while running the model: unexpected EOF', type: 'api_error', param: null, code: null } })}\n`,
        );
        return;
      }
      const role = sent === 0 ? { role: 'assistant' } : {};
      res.write(
        chunk(
          kind === 'thinking'
            ? { ...role, content: '', reasoning: text }
            : { ...role, content: text },
          null,
        ),
      );
      sent++;
      await new Promise((resolve) => setTimeout(resolve, this.script.chunkDelayMs));
    }
    if (stream.closed()) return;
    const finish = this.script.doneReason === 'length' ? 'length' : 'stop';
    res.end(`${chunk({ role: 'assistant', content: '' }, finish)}data: [DONE]\n\n`);
  }
}

function frame(model: string, content: string, done: boolean) {
  return {
    model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content },
    done,
  };
}

function describeModel(model: FakeOllamaModel) {
  return {
    name: model.name,
    model: model.name,
    modified_at: '2026-10-01T10:00:00Z',
    size: 2019393189,
    digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
    details: {
      parent_model: '',
      format: 'gguf',
      family: 'llama',
      families: ['llama'],
      parameter_size: '3.2B',
      quantization_level: 'Q4_K_M',
    },
  };
}

export async function startFakeOllama(port = 0): Promise<{
  ollama: FakeOllama;
  port: number;
  close(): Promise<void>;
}> {
  const ollama = new FakeOllama();
  const server: Server = createServer((req, res) => {
    ollama.handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const boundPort = (server.address() as AddressInfo).port;
  ollama.stop = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  ollama.restart = () =>
    new Promise((resolve) => {
      if (server.listening) resolve();
      else server.listen(boundPort, '127.0.0.1', () => resolve());
    });
  return {
    ollama,
    port: boundPort,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
