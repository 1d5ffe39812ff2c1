import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = fileURLToPath(
  new URL(`../../${process.env.EXTENSION_OUT_DIR ?? '.output'}/firefox-mv2`, import.meta.url),
);
export const GECKO_ID = 'etsy-seo-copilot@example.org';
/** Pins the moz-extension:// host, which Firefox otherwise picks at random per profile. */
export const EXTENSION_UUID = '6f1f8a36-54a4-4c43-9a4e-3f3a2d1c0b5e';

const ETSY_HOSTS = new Set(['www.etsy.com', 'api.etsy.com', 'openapi.etsy.com']);
const OLLAMA_HOSTS = new Set(['localhost', '127.0.0.1']);
const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

function findFirefox(): string {
  const path = process.env.FIREFOX_PATH ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path || !existsSync(path)) {
    throw new Error(
      'No Firefox found. Install one (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.',
    );
  }
  return path;
}

/**
 * Firefox has no --host-resolver-rules: a local proxy does that job. HTTPS to Etsy's
 * hostnames is tunnelled (CONNECT) to the fake Etsy; plain HTTP to Ollama's default
 * address is forwarded to the fake Ollama. Anything else is refused.
 */
export async function startMappingProxy(ports: { etsy: number; ollama: number }) {
  const tunnels = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://invalid');
    if (!OLLAMA_HOSTS.has(target.hostname) || target.port !== '11434') {
      res.writeHead(403).end();
      return;
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port: ports.ollama,
        method: req.method,
        path: target.pathname + target.search,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!ETSY_HOSTS.has(host ?? '') || port !== '443') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(ports.etsy, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('close', () => tunnels.delete(socket));
      socket.on('error', () => [client, upstream].forEach((end) => end.destroy()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends Etsy's hostnames and Ollama's default address to the proxy; the rest goes direct. */
function pacFile(proxyPort: number): string {
  return `function FindProxyForURL(url, host) {
  var proxy = 'PROXY 127.0.0.1:${proxyPort}';
  if (${JSON.stringify([...ETSY_HOSTS])}.indexOf(host) !== -1) return proxy;
  if ((host === 'localhost' || host === '127.0.0.1') && url.indexOf(':11434/') !== -1) return proxy;
  return 'DIRECT';
}`;
}

/**
 * firefox-esr, headless, with a fresh profile and the built add-on installed as a
 * temporary add-on, driven over WebDriver BiDi. The add-on keeps its production URLs.
 */
export async function launchFirefoxWithExtension(proxyPort: number): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // The fake Etsy's certificate is self-signed, made fresh for each run.
    acceptInsecureCerts: true,
    // Lets the test open the add-on's own moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/plain,${encodeURIComponent(pacFile(proxyPort))}`,
      // Without it Firefox never proxies localhost, so Ollama's address can't be mapped.
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}
