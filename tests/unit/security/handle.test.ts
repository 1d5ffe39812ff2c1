import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handle } from '@/lib/messaging/handle';
import { messaging } from '@/lib/messaging/protocol';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const EDITOR = 'https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890';

/** A message as @webext-core/messaging puts it on runtime.onMessage. */
function envelope(type: string, data?: unknown) {
  return { id: 1, type, data, timestamp: Date.now() };
}

/** Fires runtime.onMessage as Chrome would for `sender`; resolves with what goes back. */
async function deliver(
  message: unknown,
  sender: Record<string, unknown>,
): Promise<{ res?: unknown; err?: { message: string } } | undefined> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return (await answers.find((a) => a !== undefined)) as never;
}

describe('handle(): the background answers only the extension’s own pages and content script', () => {
  afterEach(() => messaging.removeAllListeners());

  const setup = () => {
    fakeBrowser.runtime.id = ID;
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
      (path) => `chrome-extension://${ID}/${path.replace(/^\//, '')}`,
    );
    const handler = vi.fn(() => ({ saved: true }));
    handle('getOpenaiApiKeyStatus', handler);
    return handler;
  };

  it.each([
    [
      'another extension',
      {
        id: 'aaaabbbbccccddddeeeeffffgggghhhh',
        url: 'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/bg.js',
      },
    ],
    [
      'another extension posing as a tab on Etsy',
      { id: 'aaaabbbbccccddddeeeeffffgggghhhh', url: EDITOR, tab: { id: 3 } },
    ],
    [
      'our id from a tab on another origin',
      { id: ID, url: 'https://evil.example/etsy', tab: { id: 3 } },
    ],
    [
      'our id from an Etsy look-alike',
      { id: ID, url: 'https://www.etsy.com.evil.example/your/', tab: { id: 3 } },
    ],
    ['our id from an iframe-less Etsy URL with no tab', { id: ID, url: EDITOR }],
    [
      'a sender with no id (web page)',
      { url: EDITOR, tab: { id: 3 }, origin: 'https://www.etsy.com' },
    ],
    ['a sender with no url', { id: ID }],
  ])('refuses %s: the handler never runs and an error comes back', async (_name, sender) => {
    const handler = setup();
    const answer = await deliver(envelope('getOpenaiApiKeyStatus'), sender);
    expect(handler).not.toHaveBeenCalled();
    expect(answer?.res).toBeUndefined();
    expect(answer?.err?.message).toBe('Refused "getOpenaiApiKeyStatus" from an untrusted sender');
  });

  it.each([
    ['the popup', { id: ID, url: `chrome-extension://${ID}/popup.html` }],
    ['our content script on the editor', { id: ID, url: EDITOR, tab: { id: 3 } }],
  ])('answers %s', async (_name, sender) => {
    const handler = setup();
    const answer = await deliver(envelope('getOpenaiApiKeyStatus'), sender);
    expect(handler).toHaveBeenCalledOnce();
    expect(answer).toEqual({ res: { saved: true } });
  });

  it('a trusted sender with a malformed request is refused by the schema before the handler', async () => {
    fakeBrowser.runtime.id = ID;
    const handler = vi.fn(() => ({ saved: true }));
    handle('saveOpenaiApiKey', handler);
    const answer = await deliver(envelope('saveOpenaiApiKey', { apiKey: 'x'.repeat(501) }), {
      id: ID,
      url: `chrome-extension://${ID}/options.html`,
    });
    expect(handler).not.toHaveBeenCalled();
    expect(answer?.err).toBeDefined();
  });
});
