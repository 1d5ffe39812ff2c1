import { describe, expect, it } from 'vitest';
import {
  readCachedSuggestion,
  suggestionCacheKey,
  writeCachedSuggestion,
  type CacheKeyParts,
} from '@/lib/llm/cache';
import type { SuggestResult } from '@/lib/llm/stream-protocol';
import { LISTING } from './fixtures';

const PARTS: CacheKeyParts = {
  listing: LISTING,
  unread: [],
  engine: 'ollama',
  model: 'llama3.2',
  endpoint: 'http://localhost:11434',
  temperature: 0.3,
  instructions: '',
  promptVersion: 1,
};

describe('suggestionCacheKey', () => {
  it('is the same for the same listing and settings, whatever the key order', async () => {
    const reordered = {
      promptVersion: 1,
      instructions: '',
      listing: {
        categoryPath: LISTING.categoryPath,
        materials: LISTING.materials,
        tags: LISTING.tags,
        description: LISTING.description,
        title: LISTING.title,
      },
      unread: [],
      temperature: 0.3,
      endpoint: 'http://localhost:11434',
      model: 'llama3.2',
      engine: 'ollama',
    };
    const key = await suggestionCacheKey(PARTS);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await suggestionCacheKey(reordered)).toBe(key);
  });

  it.each([
    ['the listing text', { listing: { ...LISTING, title: `${LISTING.title}!` } }],
    ['the tag order', { listing: { ...LISTING, tags: [...LISTING.tags].reverse() } }],
    ['a field the editor couldn’t read', { unread: ['description'] }],
    ['the engine', { engine: 'openai' }],
    ['the model', { model: 'qwen2.5' }],
    ['the server', { endpoint: 'http://127.0.0.1:11434' }],
    ['the temperature', { temperature: 0.7 }],
    ['the seller instructions', { instructions: 'British English' }],
    ['the prompt version', { promptVersion: 2 }],
  ])('changes with %s', async (_, change) => {
    expect(await suggestionCacheKey({ ...PARTS, ...change })).not.toBe(
      await suggestionCacheKey(PARTS),
    );
  });
});

describe('the suggestion cache', () => {
  it('returns what was stored under a key, and nothing for another key', async () => {
    const result: SuggestResult = {
      engine: 'ollama',
      model: 'llama3.2',
      suggestion: {
        title: { value: 'Macrame Wall Hanging', reasons: [] },
        tags: [{ value: 'macrame', reason: 'item' }],
        description: { value: 'A wall hanging.', reasons: [] },
      },
      notes: [],
      fromCache: false,
    };
    await writeCachedSuggestion('key-1', result);
    expect(await readCachedSuggestion('key-1')).toEqual(result);
    expect(await readCachedSuggestion('key-2')).toBeNull();
  });
});
