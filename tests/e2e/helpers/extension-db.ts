import type { Worker } from '@playwright/test';

/** Every row of one store of the extension's own IndexedDB, read in the service worker. */
export function readStore<T = unknown>(
  worker: Worker,
  store: 'secrets' | 'etsyConnection' | 'snapshots' | 'suggestions',
): Promise<T[]> {
  return worker.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('etsy-seo-copilot');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction(store).objectStore(store).getAll();
          rows.onsuccess = () => resolve(rows.result as T[]);
          rows.onerror = () => reject(rows.error);
        };
      }),
    store,
  );
}

export async function readSecretRow(worker: Worker, key: string): Promise<unknown> {
  const rows = await readStore<{ key: string; value: unknown }>(worker, 'secrets');
  return rows.find((row) => row.key === key)?.value;
}

export async function storedSecretNames(worker: Worker): Promise<string[]> {
  const rows = await readStore<{ key: string }>(worker, 'secrets');
  return rows.map((row) => row.key);
}
