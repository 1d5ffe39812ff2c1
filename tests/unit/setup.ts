import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';

beforeEach(async () => {
  fakeBrowser.reset();
  // Every test starts with an empty extension database: no secrets, snapshots or cached
  // suggestions left by another test.
  await Promise.all(db.tables.map((table) => table.clear()));
});
