import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http';

/**
 * A fake OpenAI-compatible server: GET /v1/models, POST /v1/chat/completions streamed as
 * Server-Sent Events, 401 for a wrong key. It answers CORS like api.openai.com does, so
 * the extension reaches it without a host permission; `allowsCors = false` makes it a
 * server with CORS off, like LM Studio by default.
 */
export interface CompletionLog {
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export class FakeOpenAi {
  apiKey = 'sk-test-right';
  models = ['gpt-4o-mini', 'gpt-4o'];
  reply: (body: Record<string, unknown>) => string = () => '{}';
  chunkSize = 32;
  allowsCors = true;
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
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      sendJson(
        res,
        401,
        {
          error: {
            message: 'Incorrect API key provided.',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
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
      if (!this.models.includes(String(body.model))) {
        sendJson(
          res,
          404,
          {
            error: {
              message: `The model \`${String(body.model)}\` does not exist`,
              code: 'model_not_found',
            },
          },
          cors,
        );
        return;
      }
      res.writeHead(200, { ...cors, 'content-type': 'text/event-stream' });
      const reply = this.reply(body);
      for (let at = 0; at < reply.length; at += this.chunkSize) {
        const delta = { content: reply.slice(at, at + this.chunkSize) };
        res.write(
          `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta }] })}\n\n`,
        );
      }
      res.end('data: [DONE]\n\n');
      return;
    }
    sendJson(res, 404, { error: { message: 'Not found' } }, cors);
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
