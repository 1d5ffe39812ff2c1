import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupModelHandlers } from '@/entrypoints/background/model-handlers';
import { db } from '@/lib/db';
import { apiKeyFor } from '@/lib/llm/api-key';
import { messaging } from '@/lib/messaging/protocol';
import { writeSecret } from '@/lib/secrets';
import { DEFAULT_MODEL_SETTINGS, EndpointUrlSchema, modelSettings } from '@/lib/settings';
import { fakeSessionRules } from '../llm/fake-session-rules';

/**
 * Issue 13, point 2: a key goes only to the origin it was entered for. The options page's
 * requests run through the background's real handlers; every request that leaves the
 * worker is recorded with its Authorization header.
 */
const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const OPTIONS_PAGE = { id: ID, url: `chrome-extension://${ID}/options.html` };
const SAVED_KEY = 'sk-saved-0123456789';
const OPENAI = 'https://api.openai.com/v1';
const ATTACKER = 'https://attacker.example/v1';

let sent: { url: string; authorization: string | null }[];

async function ask(type: string, data: unknown) {
  const message = { id: 1, type, data, timestamp: Date.now() };
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, OPTIONS_PAGE as never);
  return (await answers.find((a) => a !== undefined)) as { res?: unknown; err?: unknown };
}

const keysSentTo = (origin: string) =>
  sent.filter((r) => new URL(r.url).origin === origin).map((r) => r.authorization);

beforeEach(async () => {
  fakeBrowser.runtime.id = ID;
  fakeSessionRules();
  await db.secrets.clear();
  sent = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    // ky hands fetch a Request that carries the headers; plain fetch calls pass them in init.
    const headers = input instanceof Request ? input.headers : new Headers(init?.headers);
    sent.push({ url, authorization: headers.get('authorization') });
    return Response.json({ object: 'list', data: [{ id: 'gpt-4o-mini' }] });
  });
  setupModelHandlers();
  await ask('saveOpenaiApiKey', { apiKey: SAVED_KEY, address: OPENAI });
});
afterEach(() => messaging.removeAllListeners());

describe('an API key is sent only to the origin it was saved for', () => {
  it('is saved with its origin, and the status says which', async () => {
    expect(await ask('getOpenaiApiKeyStatus', undefined)).toEqual({
      res: { saved: true, origin: 'https://api.openai.com' },
    });
  });

  it('Load models against an unsaved address sends no key, never the saved one', async () => {
    await ask('listModels', { engine: 'openai', address: ATTACKER });
    expect(keysSentTo('https://attacker.example')).toEqual([null]);
    await ask('listModels', { engine: 'openai', address: OPENAI });
    expect(keysSentTo('https://api.openai.com')).toEqual([`Bearer ${SAVED_KEY}`]);
  });

  it('a key typed for the test is the one that goes to the unsaved address', async () => {
    await ask('listModels', { engine: 'openai', address: ATTACKER, apiKey: 'sk-typed-for-test' });
    expect(keysSentTo('https://attacker.example')).toEqual(['Bearer sk-typed-for-test']);
  });

  it('Test connection with an edited base URL never sends the saved key there', async () => {
    await ask('testModel', {
      settings: { ...DEFAULT_MODEL_SETTINGS, provider: 'openai', openaiBaseUrl: ATTACKER },
    });
    expect(sent.map((r) => r.authorization)).not.toContain(`Bearer ${SAVED_KEY}`);
    await ask('testModel', {
      settings: { ...DEFAULT_MODEL_SETTINGS, provider: 'openai', openaiBaseUrl: ATTACKER },
      apiKey: 'sk-typed-for-test',
    });
    const keys = keysSentTo('https://attacker.example');
    expect(keys).toContain('Bearer sk-typed-for-test');
    expect(keys.filter((key) => key !== null && key !== 'Bearer sk-typed-for-test')).toEqual([]);
  });

  it('settings changed behind the options page’s back don’t take the key with them', async () => {
    await modelSettings.setValue({ ...DEFAULT_MODEL_SETTINGS, openaiBaseUrl: ATTACKER });
    expect(await apiKeyFor(ATTACKER)).toBeNull();
    expect(await apiKeyFor(`${OPENAI}/`)).toBe(SAVED_KEY);
    // Same host, other port: another origin.
    expect(await apiKeyFor('https://api.openai.com:8443/v1')).toBeNull();
  });

  it('a key saved by an older version is bound to the endpoint it was used with', async () => {
    await writeSecret('openaiApiKey', 'sk-legacy');
    await modelSettings.setValue({ ...DEFAULT_MODEL_SETTINGS, openaiBaseUrl: OPENAI });
    expect(await apiKeyFor(ATTACKER)).toBeNull();
    expect(await apiKeyFor(OPENAI)).toBe('sk-legacy');
  });
});

describe('plain http only on this computer or the local network', () => {
  it.each([
    ['http://localhost:1234/v1', true],
    ['http://127.0.0.1:11434', true],
    ['http://192.168.1.20:1234/v1', true],
    ['http://10.0.0.5:8000/v1', true],
    ['http://172.20.0.2:8000/v1', true],
    ['http://[::1]:11434', true],
    ['http://[fd12:3456::1]:11434', true],
    ['http://gpu-box:1234/v1', true],
    ['http://studio.local:1234/v1', true],
    ['https://api.openai.com/v1', true],
    ['http://api.openai.com/v1', false],
    ['http://203.0.113.7:1234/v1', false],
    ['http://172.32.0.1:8000/v1', false],
    ['http://attacker.example/v1', false],
    ['localhost:11434', false],
  ])('%s → %s', (address, ok) => {
    expect(EndpointUrlSchema.safeParse(address).success).toBe(ok);
  });
});
