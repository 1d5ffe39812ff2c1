import { storage } from '#imports';

/**
 * Takes a new value whenever the background changes the stored Etsy connection, so an open
 * popup or shop page re-reads it on storage's change event instead of polling. It holds no
 * connection facts: those stay in the background's IndexedDB. In storage.session, which
 * Chrome keeps from content scripts by default.
 */
export const etsyConnectionChanged = storage.defineItem<string>('session:etsyConnectionChanged');

export async function announceEtsyConnectionChange(): Promise<void> {
  await etsyConnectionChanged.setValue(crypto.randomUUID());
}
