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
}

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
    res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
  }

  private async chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      sendJson(res, 400, { error: 'invalid character in request body' });
      return;
    }
    this.chats.push({ origin: req.headers.origin, body });
    const model = String(body.model ?? '');
    const known = this.models.find((m) => m.name === model || m.name === `${model}:latest`);
    if (!known) {
      sendJson(res, 404, { error: `model "${model}" not found, try pulling it first` });
      return;
    }
    const reply = this.script.reply(body);
    const stream = body.stream !== false;
    if (!stream) {
      sendJson(res, 200, { ...frame(model, reply, true), done_reason: 'stop' });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    this.maxConcurrentChats = Math.max(this.maxConcurrentChats, ++this.activeChats);
    let closed = false;
    res.on('close', () => {
      this.activeChats--;
      if (!res.writableFinished) {
        closed = true;
        this.cancelledChats++;
      }
    });
    const { chunkSize, chunkDelayMs, failAfterChunks, stallAfterChunks, killAfterChunks } =
      this.script;
    let sent = 0;
    for (let at = 0; at < reply.length && !closed; at += chunkSize) {
      if (failAfterChunks !== undefined && sent >= failAfterChunks) {
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
      res.write(`${JSON.stringify(frame(model, reply.slice(at, at + chunkSize), false))}\n`);
      sent++;
      await new Promise((resolve) => setTimeout(resolve, chunkDelayMs));
    }
    if (closed) return;
    res.end(
      `${JSON.stringify({ ...frame(model, '', true), done_reason: 'stop', eval_count: sent })}\n`,
    );
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
