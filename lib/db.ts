import Dexie, { type EntityTable } from 'dexie';

/**
 * The extension's own IndexedDB. Opened only in the background and extension pages:
 * opened from a content script it would live in etsy.com's origin instead, which is
 * also why secrets live here — content scripts can read storage.local, not this.
 */
interface SecretRow {
  key: string;
  value: unknown;
}

export interface SnapshotRow {
  id?: number;
  listingId: number;
  takenAt: number;
  /** Etsy's values before our publish, exactly as read. */
  before: { title: string; description: string; tags: string[] };
  /** The fields we sent. */
  sent: Partial<{ title: string; description: string; tags: string[] }>;
  status: 'pending' | 'published' | 'failed' | 'reverted';
}

interface CachedSuggestionRow {
  key: string;
  createdAt: number;
  engine: string;
  value: unknown;
}

/** One listing of the shop audit's cache (lib/shop/cache.ts), tagged with the load that wrote it. */
interface ShopListingRow {
  key: string;
  loadId: string;
  row: unknown;
}

/** What the extension knows about its Etsy connection that isn't a secret (lib/etsy/connection-store). */
interface EtsyConnectionRow {
  key: string;
  value: unknown;
}

/** The shop audit's cache state: where the rows came from and how far the last load got. */
interface ShopMetaRow {
  key: 'audit';
  value: unknown;
}

/** One bulk batch of the shop page (lib/shop/batch.ts): its listings and how far each got. */
interface ShopBatchRow {
  id?: number;
  createdAt: number;
  value: unknown;
}

/** Rows version 3 moved from `secrets` to `etsyConnection`, under the same keys. */
const MOVED_OUT_OF_SECRETS = ['etsyShop', 'etsyConnectionIssue'] as const;

class CopilotDb extends Dexie {
  secrets!: EntityTable<SecretRow, 'key'>;
  etsyConnection!: EntityTable<EtsyConnectionRow, 'key'>;
  snapshots!: EntityTable<SnapshotRow, 'id'>;
  suggestions!: EntityTable<CachedSuggestionRow, 'key'>;
  shopListings!: EntityTable<ShopListingRow, 'key'>;
  shopMeta!: EntityTable<ShopMetaRow, 'key'>;
  shopBatches!: EntityTable<ShopBatchRow, 'id'>;

  constructor() {
    super('etsy-seo-copilot');
    this.version(1).stores({
      secrets: 'key',
      snapshots: '++id, listingId, takenAt',
      suggestions: 'key, createdAt',
    });
    this.version(2).stores({
      shopListings: 'key, loadId',
      shopMeta: 'key',
      shopBatches: '++id, createdAt',
    });
    // The shop's name and the connection's state aren't secrets: they moved out of `secrets`,
    // keeping their keys, so an installed extension stays connected.
    this.version(3)
      .stores({ etsyConnection: 'key' })
      .upgrade(async (tx) => {
        const secrets = tx.table<SecretRow, string>('secrets');
        const moved = await secrets.bulkGet([...MOVED_OUT_OF_SECRETS]);
        await tx.table('etsyConnection').bulkPut(moved.filter((row) => row !== undefined));
        await secrets.bulkDelete([...MOVED_OUT_OF_SECRETS]);
      });
  }
}

export const db = new CopilotDb();
