import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml } from '../http';
import { repoFilePath } from '../reference';

const fixture = (name: string) => readFileSync(repoFilePath(`fixtures/${name}`), 'utf8');
const fixtureHtml = fixture('etsy-listing-editor.html');

/**
 * Sellers see different editors: other languages, other markup generations, a rich-text
 * description. The fake site picks one per listing, as Etsy's experiments and locales
 * do; the extension is told nothing about which.
 */
const OTHER_EDITORS: Record<string, string> = {
  '3456789012': fixture('etsy-listing-editor-de.html'),
  '4567890123': fixture('etsy-listing-editor-tokens.html'),
  '5678901234': fixture('etsy-listing-editor-rich.html'),
};

function plainPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} - Etsy</title></head><body><header><a href="/">Etsy</a></header><main><h1>${title}</h1>${body}</main></body></html>`;
}

/**
 * www.etsy.com as far as the extension sees it: the Shop Manager pages (the fixture
 * handles editor ⇄ listings routing in-page) and ordinary pages elsewhere.
 */
export function handleSite(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const path = url.pathname;
  if (/^\/your\/shops\/[^/]+\/(listing-editor\/|tools\/listings\/?$)/.test(path)) {
    const listingId = /\/listing-editor\/edit\/(\d+)/.exec(path)?.[1] ?? '';
    sendHtml(res, 200, OTHER_EDITORS[listingId] ?? fixtureHtml);
    return true;
  }
  if (path === '/' || path === '/index.html') {
    sendHtml(res, 200, plainPage('Etsy', '<p>Find things you’ll love.</p>'));
    return true;
  }
  if (path.startsWith('/listing/')) {
    sendHtml(res, 200, plainPage('A listing', '<p>Macrame wall hanging, $48.</p>'));
    return true;
  }
  if (path.startsWith('/your/')) {
    sendHtml(res, 200, plainPage('Shop Manager', '<p>Dashboard</p>'));
    return true;
  }
  if (req.method === 'GET' && path === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  return false;
}
