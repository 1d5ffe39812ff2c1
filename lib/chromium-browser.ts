import { browser } from 'wxt/browser';

/**
 * Stands in for webextension-polyfill in the Chrome build of the extension's own pages
 * (wxt.config.ts): Chromium's Manifest V3 APIs already return promises, and those pages only
 * send messages, so @webext-core/messaging works on WXT's `browser` (chrome.*) as it is.
 */
export default browser;
