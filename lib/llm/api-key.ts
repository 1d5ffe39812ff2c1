import { readSecret, writeSecret, deleteSecret } from '@/lib/secrets';
import { loadModelSettings } from '@/lib/settings';

/**
 * An API key is bound to the origin it was entered for and is sent nowhere else: not to an
 * address typed into the options page and not saved, not to settings someone changed since.
 * Testing another address uses a key typed for that test, or none.
 */
interface SavedKey {
  key: string;
  origin: string;
}

const originOf = (address: string) => new URL(address).origin;

async function readSavedKey(): Promise<SavedKey | null> {
  const saved = await readSecret('openaiApiKey');
  if (typeof saved !== 'string') return saved;
  // A key from before keys were bound went to the saved endpoint: bind it there.
  const bound = { key: saved, origin: originOf((await loadModelSettings()).openaiBaseUrl) };
  await writeSecret('openaiApiKey', bound);
  return bound;
}

/** The key for requests to `address`: one typed for this request, else the saved key if it is for that origin. */
export async function apiKeyFor(address: string, typed?: string): Promise<string | null> {
  if (typed) return typed;
  const saved = await readSavedKey();
  return saved && saved.origin === originOf(address) ? saved.key : null;
}

/** Saves `key` for the origin of `address`; an empty key forgets the saved one. */
export async function saveApiKey(key: string, address: string | null): Promise<ApiKeyStatus> {
  if (key && address) await writeSecret('openaiApiKey', { key, origin: originOf(address) });
  else await deleteSecret('openaiApiKey');
  return apiKeyStatus();
}

export interface ApiKeyStatus {
  saved: boolean;
  /** Where the saved key may go. */
  origin: string | null;
}

export async function apiKeyStatus(): Promise<ApiKeyStatus> {
  const saved = await readSavedKey();
  return { saved: Boolean(saved), origin: saved?.origin ?? null };
}
