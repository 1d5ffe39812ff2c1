import { describe, expect, it } from 'vitest';
import { classifySender } from '@/lib/messaging/sender';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const EDITOR = 'https://www.etsy.com/your/shops/me/listing-editor/edit/1';
const onEditor = { id: 7, url: EDITOR };
const PAGES = `chrome-extension://${ID}`;

describe('classifySender', () => {
  it.each([
    ['the popup', { id: ID, url: `chrome-extension://${ID}/popup.html` }, 'extension-page'],
    [
      'the options page opened in a tab',
      { id: ID, url: `chrome-extension://${ID}/options.html`, tab: { id: 7 }, frameId: 0 },
      'extension-page',
    ],
    [
      'the panel framed in the editor',
      { id: ID, url: `chrome-extension://${ID}/panel.html`, tab: onEditor, frameId: 3 },
      'editor',
    ],
    [
      'our panel page framed anywhere else',
      {
        id: ID,
        url: `chrome-extension://${ID}/panel.html`,
        tab: { id: 7, url: 'https://www.etsy.com/your/account' },
        frameId: 3,
      },
      'untrusted',
    ],
    [
      'our panel page framed by another site',
      {
        id: ID,
        url: `chrome-extension://${ID}/panel.html`,
        tab: { id: 7, url: 'https://evil.example/your/shops/me/listing-editor/edit/1' },
        frameId: 3,
      },
      'untrusted',
    ],
    ['our content script on the editor', { id: ID, url: EDITOR, tab: onEditor }, 'editor'],
    [
      'our content script on a new listing',
      {
        id: ID,
        url: 'https://www.etsy.com/your/shops/me/listing-editor/create',
        tab: { id: 7, url: 'https://www.etsy.com/your/shops/me/listing-editor/create' },
      },
      'editor',
    ],
    [
      'our content script elsewhere on Etsy',
      {
        id: ID,
        url: 'https://www.etsy.com/your/account',
        tab: { id: 7, url: 'https://www.etsy.com/your/account' },
      },
      'untrusted',
    ],
    [
      'another extension',
      { id: 'otherextensionid', url: 'chrome-extension://otherextensionid/x.html' },
      'untrusted',
    ],
    [
      'a page of another extension claiming our id',
      { id: ID, url: 'chrome-extension://otherextensionid/x.html' },
      'untrusted',
    ],
    [
      'our id from a non-Etsy tab',
      { id: ID, url: 'https://evil.example/', tab: onEditor },
      'untrusted',
    ],
    [
      'an Etsy look-alike host',
      {
        id: ID,
        url: 'https://www.etsy.com.evil.example/your/shops/me/listing-editor/edit/1',
        tab: {
          id: 7,
          url: 'https://www.etsy.com.evil.example/your/shops/me/listing-editor/edit/1',
        },
      },
      'untrusted',
    ],
    [
      'plain http Etsy',
      { id: ID, url: 'http://www.etsy.com/your/shops/me', tab: onEditor },
      'untrusted',
    ],
    ['an Etsy URL without a tab', { id: ID, url: EDITOR }, 'untrusted'],
    ['a tab without a URL', { id: ID, url: EDITOR, tab: { id: 7 } }, 'untrusted'],
    ['no id', { url: `chrome-extension://${ID}/popup.html` }, 'untrusted'],
    ['no url', { id: ID }, 'untrusted'],
    ['a malformed url', { id: ID, url: 'not a url', tab: onEditor }, 'untrusted'],
  ])('%s → %s', (_name, sender, kind) => {
    expect(classifySender(sender, ID, PAGES).kind).toBe(kind);
  });

  it('the editor’s listing is the one open in its tab', () => {
    expect(classifySender({ id: ID, url: EDITOR, tab: onEditor }, ID, PAGES)).toEqual({
      kind: 'editor',
      tabId: 7,
      listingId: 1,
    });
    const create = 'https://www.etsy.com/your/shops/me/listing-editor/create';
    expect(classifySender({ id: ID, url: create, tab: { id: 2, url: create } }, ID, PAGES)).toEqual(
      {
        kind: 'editor',
        tabId: 2,
        listingId: null,
      },
    );
  });

  // Firefox: the add-on id is the gecko id, its pages live under a per-install uuid.
  const GECKO_ID = 'etsy-seo-copilot@example.org';
  const UUID = '6f1f8a36-54a4-4c43-9a4e-3f3a2d1c0b5e';
  it.each([
    [
      'the popup in Firefox',
      { id: GECKO_ID, url: `moz-extension://${UUID}/popup.html` },
      'extension-page',
    ],
    [
      'another add-on’s page claiming our id',
      { id: GECKO_ID, url: 'moz-extension://0e6f1a2b-0000-4000-8000-000000000000/x.html' },
      'untrusted',
    ],
    [
      'our content script on the editor in Firefox',
      { id: GECKO_ID, url: EDITOR, tab: onEditor },
      'editor',
    ],
  ])('%s → %s', (_name, sender, kind) => {
    expect(classifySender(sender, GECKO_ID, `moz-extension://${UUID}`).kind).toBe(kind);
  });

  it('knows its own pages from the browser', () => {
    expect(
      classifySender(
        { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' },
        'test-extension-id',
      ).kind,
    ).toBe('extension-page');
  });
});
