import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';

beforeEach(async () => {
  fakeBrowser.reset();
  // The fake's getURL keeps the id it started with; a test that sets runtime.id means the
  // extension's pages live under that id, as they do in a browser.
  fakeBrowser.runtime.getURL = ((path: string) =>
    `chrome-extension://${fakeBrowser.runtime.id}/${path.replace(/^\//, '')}`) as never;
  // Every test starts with an empty extension database: no secrets, snapshots or cached
  // suggestions left by another test.
  await Promise.all(db.tables.map((table) => table.clear()));
});
