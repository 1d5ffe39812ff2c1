import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '@/lib/messaging/protocol';
import { SUGGEST_PORT_NAME } from '@/lib/llm/stream-protocol';
import { fromOwnPage } from '@/lib/shop/own-page';

/** Every request the background answers. A new one is a reviewed change to this list. */
const KNOWN_MESSAGES = [
  'getEtsyConnection',
  'checkEtsyConnection',
  'connectEtsy',
  'disconnectEtsy',
  'getEtsyAppSetup',
  'saveEtsyApp',
  'getEtsyListing',
  'publishListing',
  'revertListing',
  'listModels',
  'testModel',
  'getModelStatus',
  'saveOpenaiApiKey',
  'getOpenaiApiKeyStatus',
  'openShopPage',
];

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(ROOT, dir, name), 'utf8') }));
}

describe('the message surface', () => {
  it('the protocol has exactly the known messages', () => {
    expect(Object.keys(messages).sort()).toEqual([...KNOWN_MESSAGES].sort());
  });

  it('the background registers a handler for each, through handle() (sender check + schema), and nothing else', () => {
    const background = sources('entrypoints/background');
    const handled = background.flatMap(({ text }) =>
      [...text.matchAll(/\bhandle\(\s*'(\w+)'/g)].map((m) => m[1]),
    );
    expect(handled.sort()).toEqual([...KNOWN_MESSAGES].sort());
    const all = [...background, ...sources('lib'), ...sources('entrypoints')];
    for (const { path, text } of all) {
      // No raw listeners that would bypass handle()'s trusted-sender check.
      expect(text, path).not.toMatch(/onMessageExternal|onConnectExternal/);
      if (!path.endsWith('handle.ts')) expect(text, path).not.toMatch(/runtime\.onMessage\b/);
      expect(text, path).not.toMatch(/messaging\.onMessage\(/);
    }
  });

  it('the only ports are the suggestion stream and the shop load, and each checks the sender', () => {
    const connects = [...sources('entrypoints'), ...sources('lib')].filter(({ text }) =>
      /runtime\.onConnect\b/.test(text),
    );
    expect(connects.map((c) => c.path).sort()).toEqual([
      'entrypoints/background/shop-port.ts',
      'entrypoints/background/suggest-port.ts',
    ]);
    const text = (name: string) => connects.find((c) => c.path.endsWith(name))!.text;
    const [shop, suggest] = [text('shop-port.ts'), text('suggest-port.ts')];
    expect(suggest).toContain('if (port.name !== SUGGEST_PORT_NAME) return;');
    expect(suggest).toMatch(/isTrustedSender\(port\.sender, browser\.runtime\.id\)/);
    expect(SUGGEST_PORT_NAME).toBe('llm-suggest');
    // The shop page is an extension page: its port refuses even our own content script.
    expect(shop).toContain('if (port.name !== SHOP_LOAD_PORT_NAME) return;');
    expect(shop).toMatch(/fromOwnPage\(port\.sender, browser\.runtime\.id\)/);
  });

  it('the shop port admits the extension’s own pages only', () => {
    const id = 'blgfogbpcdmhohalginmiifilfkhopig';
    expect(fromOwnPage({ id, url: `chrome-extension://${id}/shop.html#/` }, id)).toBe(true);
    expect(
      fromOwnPage({ id, url: 'https://www.etsy.com/your/shops/me/listing-editor/edit/1' }, id),
    ).toBe(false);
    expect(fromOwnPage({ id: 'other', url: `chrome-extension://other/shop.html` }, id)).toBe(false);
    expect(fromOwnPage({ id, url: `chrome-extension://other/shop.html` }, id)).toBe(false);
    expect(fromOwnPage({ id }, id)).toBe(false);
  });
});
