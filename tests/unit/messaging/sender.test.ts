import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '@/lib/messaging/sender';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const tab = { id: 7 };

describe('isTrustedSender', () => {
  it.each([
    ['the popup', { id: ID, url: `chrome-extension://${ID}/popup.html` }, true],
    [
      'the options page opened in a tab',
      { id: ID, url: `chrome-extension://${ID}/options.html`, tab },
      true,
    ],
    [
      'our content script on the editor',
      { id: ID, url: 'https://www.etsy.com/your/shops/me/listing-editor/edit/1', tab },
      true,
    ],
    [
      'another extension',
      { id: 'otherextensionid', url: 'chrome-extension://otherextensionid/x.html' },
      false,
    ],
    [
      'a page of another extension claiming our id',
      { id: ID, url: 'chrome-extension://otherextensionid/x.html' },
      false,
    ],
    ['our id from a non-Etsy tab', { id: ID, url: 'https://evil.example/', tab }, false],
    ['an Etsy look-alike host', { id: ID, url: 'https://www.etsy.com.evil.example/', tab }, false],
    ['plain http Etsy', { id: ID, url: 'http://www.etsy.com/your/shops/me', tab }, false],
    ['an Etsy URL without a tab', { id: ID, url: 'https://www.etsy.com/' }, false],
    ['no id', { url: `chrome-extension://${ID}/popup.html` }, false],
    ['no url', { id: ID }, false],
    ['a malformed url', { id: ID, url: 'not a url', tab }, false],
  ])('%s → %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender, ID)).toBe(trusted);
  });
});
