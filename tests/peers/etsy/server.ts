import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Tls } from '../tls';
import { readBody, sendHtml } from '../http';
import { FakeEtsyApi } from './api';
import { handleSite } from './site';

/** A stand-in listing photo: a square whose colour comes from the image id in the path. */
function listingPhoto(path: string): string {
  const id = Number(/\/(\d+)\//.exec(path.split('/r/il/')[1] ?? '')?.[1] ?? 0);
  const hue = (id * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 75 75"><rect width="75" height="75" fill="hsl(${hue} 45% 70%)"/><circle cx="37" cy="40" r="18" fill="hsl(${hue} 45% 45%)"/></svg>`;
}

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
      if (host === 'i.etsystatic.com') {
        res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=86400' });
        res.end(listingPhoto(url.pathname));
        return;
      }
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
