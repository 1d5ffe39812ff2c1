import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Tls } from '../tls';
import { readBody, sendHtml } from '../http';
import { FakeEtsyApi } from './api';
import { handleSite } from './site';

export interface FakeEtsy {
  port: number;
  api: FakeEtsyApi;
  close(): Promise<void>;
}

const API_HOSTS = new Set(['api.etsy.com', 'openapi.etsy.com']);

/**
 * One local HTTPS server standing in for www.etsy.com and api.etsy.com. The browser
 * reaches it through --host-resolver-rules, so the Host header tells the two apart.
 */
export async function startFakeEtsy(tls: Tls, port = 0): Promise<FakeEtsy> {
  const api = new FakeEtsyApi();
  const server: Server = createServer(tls, (req, res) => {
    void (async () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${host}`);
      const body = await readBody(req);
      if (API_HOSTS.has(host)) {
        await api.handle(req, res, url, body);
        return;
      }
      if (host === 'www.etsy.com' && url.pathname === '/oauth/connect') {
        const page = api.auth.connectPage(url);
        res.writeHead(page.status, page.headers);
        res.end(page.body);
        return;
      }
      if (host === 'www.etsy.com' && handleSite(req, res, url)) return;
      sendHtml(res, 404, '<!doctype html><title>Not found</title><h1>Page not found</h1>');
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    api,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
