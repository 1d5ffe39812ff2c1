import { describe, expect, it } from 'vitest';
import { isTrustedSender, senderTrust } from '@/lib/messaging/sender';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const tab = { id: 7 };
const EDITOR = 'https://www.etsy.com/your/shops/me/listing-editor/edit/1';

describe('senderTrust', () => {
  it.each([
    ['the popup', { id: ID, url: `chrome-extension://${ID}/popup.html` }, 'extension'],
    [
      'the options page opened in a tab',
      { id: ID, url: `chrome-extension://${ID}/options.html`, tab, frameId: 0 },
      'extension',
    ],
    ['our content script on the editor', { id: ID, url: EDITOR, tab, frameId: 0 }, 'tab'],
    [
      'the panel: our page embedded in the Etsy tab',
      { id: ID, url: `chrome-extension://${ID}/panel.html#x`, tab, frameId: 3 },
      'tab',
    ],
    [
      'our options page framed into some tab',
      { id: ID, url: `chrome-extension://${ID}/options.html`, tab, frameId: 5 },
      'tab',
    ],
    [
      'another extension',
      { id: 'otherextensionid', url: 'chrome-extension://otherextensionid/x.html' },
      null,
    ],
    [
      'a page of another extension claiming our id',
      { id: ID, url: 'chrome-extension://otherextensionid/x.html' },
      null,
    ],
    ['our id from a non-Etsy tab', { id: ID, url: 'https://evil.example/', tab }, null],
    ['an Etsy look-alike host', { id: ID, url: 'https://www.etsy.com.evil.example/', tab }, null],
    ['plain http Etsy', { id: ID, url: 'http://www.etsy.com/your/shops/me', tab }, null],
    ['an Etsy URL without a tab', { id: ID, url: 'https://www.etsy.com/' }, null],
    ['no id', { url: `chrome-extension://${ID}/popup.html` }, null],
    ['no url', { id: ID }, null],
    ['a malformed url', { id: ID, url: 'not a url', tab }, null],
  ])('%s → %s', (_name, sender, trust) => {
    expect(senderTrust(sender, ID)).toBe(trust);
    expect(isTrustedSender(sender, ID)).toBe(trust !== null);
  });
});
