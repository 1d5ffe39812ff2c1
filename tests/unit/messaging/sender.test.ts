import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '@/lib/messaging/sender';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const PAGES = `chrome-extension://${ID}`;
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
    expect(isTrustedSender(sender, ID, PAGES)).toBe(trusted);
  });

  // Firefox: the add-on id is the gecko id, its pages live under a per-install uuid.
  const GECKO_ID = 'etsy-seo-copilot@example.org';
  const UUID = '6f1f8a36-54a4-4c43-9a4e-3f3a2d1c0b5e';
  it.each([
    ['the popup in Firefox', { id: GECKO_ID, url: `moz-extension://${UUID}/popup.html` }, true],
    [
      'another add-on’s page claiming our id',
      { id: GECKO_ID, url: 'moz-extension://0e6f1a2b-0000-4000-8000-000000000000/x.html' },
      false,
    ],
    [
      'our content script on the editor in Firefox',
      { id: GECKO_ID, url: 'https://www.etsy.com/your/shops/me/listing-editor/edit/1', tab },
      true,
    ],
  ])('%s → %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender, GECKO_ID, `moz-extension://${UUID}`)).toBe(trusted);
  });

  it('knows its own pages from the browser', () => {
    expect(
      isTrustedSender(
        { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' },
        'test-extension-id',
      ),
    ).toBe(true);
  });
});
