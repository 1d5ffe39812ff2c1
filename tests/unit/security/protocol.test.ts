import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '@/lib/messaging/protocol';
import { SUGGEST_PORT_NAME } from '@/lib/llm/stream-protocol';

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

  it('the only ports are the suggestion stream and the panel’s bridge, and each checks the sender', () => {
    const connects = [...sources('entrypoints'), ...sources('lib')].filter(({ text }) =>
      /runtime\.onConnect\b/.test(text),
    );
    expect(connects.map((c) => c.path).sort()).toEqual([
      'entrypoints/background/suggest-port.ts',
      'lib/bridge/host.ts',
    ]);
    const port = connects.find((c) => c.path.includes('suggest-port'))!.text;
    expect(port).toContain('if (port.name !== SUGGEST_PORT_NAME) return;');
    expect(port).toMatch(/isTrustedSender\(port\.sender, browser\.runtime\.id\)/);
    expect(SUGGEST_PORT_NAME).toBe('llm-suggest');
    // The content script serves only this extension's panel page, at the URL of its own frame.
    const bridge = connects.find((c) => c.path.includes('bridge'))!.text;
    expect(bridge).toContain('port.name === PANEL_PORT_NAME');
    expect(bridge).toContain('port.sender?.id === browser.runtime.id');
    expect(bridge).toContain('port.sender.url === src');
  });
});
