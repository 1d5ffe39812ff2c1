import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Suggestion } from '@/lib/listing';
import { ModelFailure } from '@/lib/llm/errors';
import { RequestQueue } from '@/lib/llm/queue';
import { guardSuggestion } from '@/lib/guard';
import { repairModelOutput } from '@/lib/llm/repair';
import { SuggestResultSchema, type RepairNote } from '@/lib/llm/stream-protocol';
import { runSuggestion } from '@/lib/llm/suggest';
import { UserErrorSchema, type UserError } from '@/lib/messaging/errors';
import {
  isValidTag,
  isValidTitle,
  MAX_TAGS,
  normalizeText,
  tagIdentity,
  TITLE_MAX_CHARS,
} from '@/lib/seo';
import { DEFAULT_MODEL_SETTINGS } from '@/lib/settings';
import { MODEL_OUTPUTS } from '../../corpus/model-outputs';

/** What Etsy accepts, checked with lib/seo's own rules. */
function expectValidSuggestion(suggestion: Suggestion): void {
  expect(typeof suggestion.title.value).toBe('string');
  expect(isValidTitle(suggestion.title.value), suggestion.title.value.slice(0, 200)).toBe(true);
  expect([...suggestion.title.value].length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
  expect(suggestion.tags.length).toBeLessThanOrEqual(MAX_TAGS);
  for (const tag of suggestion.tags) expect(isValidTag(tag.value), tag.value).toBe(true);
  const ids = suggestion.tags.map((t) => tagIdentity(t.value));
  expect(new Set(ids).size, 'case-insensitive duplicate tags').toBe(ids.length);
  expect(typeof suggestion.description.value).toBe('string');
  // Etsy requires both; an empty one accepted in the panel would wipe the seller's text.
  expect(suggestion.title.value).not.toBe('');
  expect(suggestion.description.value.trim()).not.toBe('');
}

function expectSellerFacingError(error: UserError): void {
  expect(UserErrorSchema.parse(error)).toEqual(error);
  expect(error.source).toBe('model');
  expect(error.message.length).toBeGreaterThan(10);
  expect(error.action?.length ?? 0).toBeGreaterThan(10);
}

/** The model's answer as parsed JSON, when it is one (fenced or not); undefined otherwise. */
function modelAnswer(raw: string): { title?: { value?: unknown }; tags?: unknown } | undefined {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(raw);
  try {
    const json: unknown = JSON.parse(fenced ? fenced[1]! : raw);
    return json && typeof json === 'object' ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Whatever repair changed or dropped must be in the notes the seller sees. */
function expectNotesExplainRepairs(raw: string, suggestion: Suggestion, notes: RepairNote[]): void {
  for (const note of notes) expect(note.why.length).toBeGreaterThan(5);
  const json = modelAnswer(raw)!;
  const title = json.title?.value as string;
  if (suggestion.title.value !== normalizeText(title).trim()) {
    expect(notes.some((n) => n.field === 'title' && n.original === title)).toBe(true);
  }
  const kept = new Set(suggestion.tags.map((t) => t.value));
  for (const { value } of json.tags as { value: string }[]) {
    if (kept.has(value)) continue;
    // Changed or dropped: a note names the model's own text.
    expect(
      notes.some((n) => n.field === 'tags' && n.original === value),
      `no note for dropped tag ${JSON.stringify(value.slice(0, 60))}`,
    ).toBe(true);
  }
}

describe('model-output corpus', () => {
  it('has at least 50 cases with unique names', () => {
    expect(MODEL_OUTPUTS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(MODEL_OUTPUTS.map((c) => c.name)).size).toBe(MODEL_OUTPUTS.length);
  });

  describe('repairModelOutput: a valid suggestion or a seller-facing error, never a throw', () => {
    it.each(MODEL_OUTPUTS)('$name', ({ raw }) => {
      let result!: ReturnType<typeof repairModelOutput>;
      expect(() => (result = repairModelOutput(raw))).not.toThrow();
      if (!result.ok) {
        expectSellerFacingError(result.error);
        return;
      }
      expectValidSuggestion(result.suggestion);
      expectNotesExplainRepairs(raw, result.suggestion, result.notes);
    });
  });

  describe('spot checks', () => {
    const run = (name: string) =>
      repairModelOutput(MODEL_OUTPUTS.find((c) => c.name === name)!.raw);

    it.each([
      'empty output',
      'prose instead of JSON',
      'truncated mid-tags',
      'null fields',
      'only emoji',
      'empty title with good tags',
      'description only',
      'whitespace-only strings',
    ])('%s → a seller-facing error', (name) => {
      expect(run(name)).toMatchObject({ ok: false, error: { code: 'unusable-output' } });
    });

    it('30 tags → the first 13, and a note for each of the 17 extras', () => {
      const result = run('30 tags');
      if (!result.ok) throw new Error(result.error.message);
      expect(result.suggestion.tags).toHaveLength(13);
      expect(result.notes.filter((n) => n.why === 'More than Etsy’s 13 tags')).toHaveLength(17);
    });

    it('case-variant duplicates → one of each, the others noted as duplicates', () => {
      const result = run('case-variant duplicates');
      if (!result.ok) throw new Error(result.error.message);
      expect(result.suggestion.tags.map((t) => t.value)).toEqual(['Boho Decor', 'wall art']);
      expect(result.notes.filter((n) => n.why.startsWith('Duplicate'))).toHaveLength(5);
    });

    it('HTML in tags never survives as a tag; in the title it stays plain text for the UI to escape', () => {
      const result = run('HTML in every field');
      if (!result.ok) throw new Error(result.error.message);
      for (const tag of result.suggestion.tags) expect(tag.value).not.toMatch(/[<>"=]/);
      // "<", ">" and "=" are allowed in Etsy titles (\p{Sm}): rendering must treat them as text.
      expect(result.suggestion.title.value).toContain('<');
    });

    it('injection echoed into tags is just text: kept only if it is a valid tag, never obeyed', () => {
      const result = run('injection echoed into tags');
      if (!result.ok) throw new Error(result.error.message);
      expect(result.suggestion.tags).toHaveLength(13);
      for (const tag of result.suggestion.tags) expect(isValidTag(tag.value)).toBe(true);
    });
  });

  describe('runSuggestion, streamed from Ollama: the same outcome end to end', () => {
    afterEach(() => vi.unstubAllGlobals());

    it.each(MODEL_OUTPUTS)('$name', async ({ raw }) => {
      vi.stubGlobal(
        'fetch',
        vi.fn(async (input: RequestInfo | URL) => {
          if (new URL(String(input)).pathname === '/api/tags') {
            return Response.json({ models: [{ name: 'llama3.2:latest' }] });
          }
          const frames = [...raw.matchAll(/[\s\S]{1,4096}/g)].map(([content]) => ({
            message: { role: 'assistant', content },
            done: false,
          }));
          frames.push({ message: { role: 'assistant', content: '' }, done: true });
          return new Response(frames.map((f) => JSON.stringify(f)).join('\n') + '\n');
        }),
      );
      const listing = {
        title: 'Macrame Wall Hanging',
        description: 'Handmade.',
        tags: ['macrame'],
        materials: [],
        categoryPath: [],
      };
      const outcome = await runSuggestion(
        {
          listing,
          unread: [],
          refresh: true,
          signal: new AbortController().signal,
          onProgress: () => {},
          onText: () => {},
        },
        {
          settings: { ...DEFAULT_MODEL_SETTINGS, provider: 'ollama' },
          openaiApiKey: null,
          extensionOrigin: 'chrome-extension://blgfogbpcdmhohalginmiifilfkhopig/',
          queue: new RequestQueue(),
        },
      ).then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const direct = repairModelOutput(raw);
      if (outcome.ok) {
        // What the background would send over the port passes the port's own schema.
        expect(SuggestResultSchema.parse(outcome.result)).toBeTruthy();
        expectValidSuggestion(outcome.result.suggestion);
        // The background repairs, then runs the guardrails: the same two steps, in order.
        expect(direct.ok && guardSuggestion(listing, direct.suggestion).suggestion).toEqual(
          outcome.result.suggestion,
        );
      } else {
        // The only thing it throws is the seller-facing failure the port turns into `error`.
        expect(outcome.error).toBeInstanceOf(ModelFailure);
        const userError = (outcome.error as ModelFailure).userError;
        expectSellerFacingError(userError);
        expect(direct.ok ? null : direct.error).toEqual(userError);
      }
    });
  });
});
