import stringify from 'safe-stable-stringify';
import { db } from '@/lib/db';
import type { ListingText } from '@/lib/listing';
import { SuggestResultSchema, type SuggestResult } from './stream-protocol';

/** Everything that changes the answer; the same inputs give the same key. */
export interface CacheKeyParts {
  listing: ListingText;
  unread: readonly string[];
  engine: string;
  model: string;
  /** Ollama host or OpenAI base URL: two servers may hold different models of one name. */
  endpoint: string;
  temperature: number;
  instructions: string;
  promptVersion: number;
}

/** Old answers are pruned past this many; a seller rarely has more listings open in a week. */
const MAX_ROWS = 500;

export async function suggestionCacheKey(parts: CacheKeyParts): Promise<string> {
  const bytes = new TextEncoder().encode(stringify(parts));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readCachedSuggestion(key: string): Promise<SuggestResult | null> {
  const row = await db.suggestions.get(key);
  const parsed = SuggestResultSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeCachedSuggestion(key: string, result: SuggestResult): Promise<void> {
  await db.suggestions.put({ key, createdAt: Date.now(), engine: result.engine, value: result });
  const count = await db.suggestions.count();
  if (count > MAX_ROWS) {
    const oldest = await db.suggestions
      .orderBy('createdAt')
      .limit(count - MAX_ROWS)
      .primaryKeys();
    await db.suggestions.bulkDelete(oldest);
  }
}
