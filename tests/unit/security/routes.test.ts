import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupEtsyHandlers } from '@/entrypoints/background/etsy-handlers';
import { setupModelHandlers } from '@/entrypoints/background/model-handlers';
import { setupShopPort } from '@/entrypoints/background/shop-port';
import { setupSuggestPort } from '@/entrypoints/background/suggest-port';
import { db } from '@/lib/db';
import { SUGGEST_PORT_NAME } from '@/lib/llm/stream-protocol';
import { SHOP_LOAD_PORT_NAME } from '@/lib/shop/load-protocol';
import { messages, messaging, type MessageType } from '@/lib/messaging/protocol';
import { ROUTES } from '@/lib/messaging/routes';
import { readSecret, writeSecret } from '@/lib/secrets';
import { DEFAULT_MODEL_SETTINGS } from '@/lib/settings';
import { fakeSessionRules } from '../llm/fake-session-rules';

/**
 * Issue 13, point 1: every route × every kind of sender, through the background's real
 * setup*Handlers on WXT's fake browser. The extension's own pages reach every route; the
 * content script on the editor reaches only what the panel needs, and the listing routes
 * only for its own tab's listing; nothing else reaches anything.
 */
const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const LISTING_ID = 1234567890;
const EDITOR = `https://www.etsy.com/your/shops/me/listing-editor/edit/${LISTING_ID}`;
const OTHER_EXTENSION = 'aaaabbbbccccddddeeeeffffgggghhhh';

const SENDERS = {
  'own page': { id: ID, url: `chrome-extension://${ID}/options.html` },
  'content script on the editor': { id: ID, url: EDITOR, tab: { id: 3, url: EDITOR } },
  'content script elsewhere on Etsy': {
    id: ID,
    url: 'https://www.etsy.com/your/account',
    tab: { id: 3, url: 'https://www.etsy.com/your/account' },
  },
  'another extension': {
    id: OTHER_EXTENSION,
    url: `chrome-extension://${OTHER_EXTENSION}/background.js`,
  },
  'a web page': { url: EDITOR, tab: { id: 3, url: EDITOR }, origin: 'https://www.etsy.com' },
} as const;
type SenderName = keyof typeof SENDERS;

const listing = { listingId: LISTING_ID, title: 'Old title', description: 'Old.', tags: ['a'] };
/** A valid request for each route, about the editor tab's own listing. */
const REQUESTS: { [K in MessageType]: unknown } = {
  getEtsyConnection: undefined,
  checkEtsyConnection: undefined,
  connectEtsy: undefined,
  disconnectEtsy: undefined,
  getEtsyAppSetup: undefined,
  saveEtsyApp: { keystring: 'attackerapp', sharedSecret: 'attackersecret' },
  getEtsyListing: { listingId: LISTING_ID },
  publishListing: { baseline: listing, changes: { title: 'Macrame Wall Hanging' } },
  revertListing: { listingId: LISTING_ID, snapshotId: 1 },
  listModels: { engine: 'openai', address: 'https://attacker.example/v1' },
  testModel: {
    settings: {
      ...DEFAULT_MODEL_SETTINGS,
      provider: 'openai',
      openaiBaseUrl: 'https://attacker.example/v1',
    },
  },
  getModelStatus: undefined,
  saveOpenaiApiKey: { apiKey: '' },
  getOpenaiApiKeyStatus: undefined,
  openShopPage: undefined,
};

const PANEL_ROUTES: MessageType[] = [
  'getEtsyConnection',
  'getEtsyListing',
  'publishListing',
  'revertListing',
  'getModelStatus',
  'openShopPage',
];

function allowed(route: MessageType, sender: SenderName): boolean {
  if (sender === 'own page') return true;
  if (sender === 'content script on the editor') return PANEL_ROUTES.includes(route);
  return false;
}

/** Fires runtime.onMessage as Chrome would for `sender`; resolves with what goes back. */
async function deliver(
  type: string,
  data: unknown,
  sender: object,
): Promise<{ res?: unknown; err?: { message: string } }> {
  const message = { id: 1, type, data, timestamp: Date.now() };
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return ((await answers.find((a) => a !== undefined)) ?? {}) as never;
}

const SAVED_KEY = 'sk-saved-for-openai';
let fetchCalls: string[];

beforeEach(async () => {
  fakeBrowser.runtime.id = ID;
  fakeSessionRules();
  await db.secrets.clear();
  await db.snapshots.clear();
  await writeSecret('openaiApiKey', { key: SAVED_KEY, origin: 'https://api.openai.com' });
  fetchCalls = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    fetchCalls.push(String(input instanceof Request ? input.url : input));
    return new Response('{"error":"no"}', { status: 503 });
  });
  setupEtsyHandlers();
  setupModelHandlers();
});
afterEach(() => messaging.removeAllListeners());

describe('the route table', () => {
  it('names every route of the protocol', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(messages).sort());
  });

  const cases = (Object.keys(REQUESTS) as MessageType[]).flatMap((route) =>
    (Object.keys(SENDERS) as SenderName[]).map((sender) => [route, sender] as const),
  );

  it.each(cases)('%s from %s', async (route, sender) => {
    const answer = await deliver(route, REQUESTS[route], SENDERS[sender]);
    const refused = answer.err?.message.startsWith(`Refused "${route}"`) ?? false;
    expect(refused, JSON.stringify(answer)).toBe(!allowed(route, sender));
    if (refused) {
      // Refused before anything ran: no request left the worker and no secret changed.
      expect(fetchCalls).toEqual([]);
      expect(await readSecret('openaiApiKey')).toEqual({
        key: SAVED_KEY,
        origin: 'https://api.openai.com',
      });
      expect(await readSecret('etsyApp')).toBeNull();
    }
  });

  it.each(['getEtsyListing', 'publishListing', 'revertListing'] as const)(
    '%s from the editor is refused for a listing other than its tab’s',
    async (route) => {
      const other = 2345678901;
      const data = {
        getEtsyListing: { listingId: other },
        publishListing: {
          baseline: { ...listing, listingId: other },
          changes: { title: 'Macrame Wall Hanging' },
        },
        revertListing: { listingId: other, snapshotId: 1 },
      }[route];
      const answer = await deliver(route, data, SENDERS['content script on the editor']);
      expect(answer.err?.message).toBe(
        `Refused "${route}": only for the listing open in the calling tab`,
      );
      expect(fetchCalls).toEqual([]);
    },
  );

  it('the editor of a new listing may not touch any saved listing', async () => {
    const create = 'https://www.etsy.com/your/shops/me/listing-editor/create';
    const answer = await deliver(
      'getEtsyListing',
      { listingId: LISTING_ID },
      {
        id: ID,
        url: create,
        tab: { id: 4, url: create },
      },
    );
    expect(answer.err?.message).toMatch(/^Refused "getEtsyListing"/);
  });

  it('a malformed request from an allowed sender is refused by the schema before the handler', async () => {
    const answer = await deliver(
      'saveOpenaiApiKey',
      { apiKey: 'x'.repeat(501), address: 'https://api.openai.com/v1' },
      SENDERS['own page'],
    );
    expect(answer.err).toBeDefined();
    expect(await readSecret('openaiApiKey')).toMatchObject({ key: SAVED_KEY });
  });
});

describe('the ports', () => {
  type Listener = (port: unknown) => void;
  let listeners: Listener[];

  beforeEach(() => {
    listeners = [];
    const runtime = fakeBrowser.runtime as unknown as { onConnect: unknown };
    runtime.onConnect = { addListener: (listener: Listener) => listeners.push(listener) };
    setupSuggestPort();
    setupShopPort();
  });

  function openPort(sender: object, name = SUGGEST_PORT_NAME) {
    const port = {
      name,
      sender,
      disconnect: vi.fn(),
      postMessage: vi.fn(),
      onMessage: { addListener: vi.fn() },
      onDisconnect: { addListener: vi.fn() },
    };
    for (const listener of listeners) listener(port);
    return port;
  }

  it.each(Object.keys(SENDERS) as SenderName[])('the shop load port from %s', (sender) => {
    const port = openPort(SENDERS[sender], SHOP_LOAD_PORT_NAME);
    const mayLoad = sender === 'own page';
    expect(port.disconnect).toHaveBeenCalledTimes(mayLoad ? 0 : 1);
  });

  it.each(Object.keys(SENDERS) as SenderName[])('the suggestion port from %s', (sender) => {
    const port = openPort(SENDERS[sender]);
    const mayStream = sender === 'own page' || sender === 'content script on the editor';
    expect(port.disconnect).toHaveBeenCalledTimes(mayStream ? 0 : 1);
    expect(port.onMessage.addListener).toHaveBeenCalledTimes(mayStream ? 1 : 0);
  });
});
