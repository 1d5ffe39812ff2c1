import { describe, expect, it } from 'vitest';
import { repairModelOutput } from '@/lib/llm/repair';
import { isValidTag, isValidTitle } from '@/lib/seo';
import { answer } from './fixtures';

const THIRTEEN = Array.from({ length: 13 }, (_, i) => `tag number ${i + 1}`);

describe('repairModelOutput', () => {
  it('passes a valid answer through untouched, with nothing to report', () => {
    const result = repairModelOutput(answer(THIRTEEN));
    expect(result).toMatchObject({ ok: true, notes: [] });
    if (result.ok) expect(result.suggestion.tags.map((t) => t.value)).toEqual(THIRTEEN);
  });

  it('fixes or drops invalid tags, removes duplicates and extras, and reports each', () => {
    const raw = answer([
      'boho decor',
      'Boho Decor',
      'extra large macrame wall hanging art',
      '🌿🌿🌿',
      'rope,art',
      ...THIRTEEN,
    ]);
    const result = repairModelOutput(raw);
    if (!result.ok) throw new Error(result.error.message);
    const values = result.suggestion.tags.map((t) => t.value);
    expect(values).toHaveLength(13);
    // The over-long tag is said shorter as a whole phrase, never cut into "extra large macrame".
    expect(values.slice(0, 3)).toEqual(['boho decor', 'wall hanging art', 'rope art']);
    expect(values.every(isValidTag)).toBe(true);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        { field: 'tags', original: 'Boho Decor', why: 'Duplicate of another suggested tag' },
        expect.objectContaining({
          original: 'extra large macrame wall hanging art',
          kept: 'wall hanging art',
        }),
        expect.objectContaining({
          original: '🌿🌿🌿',
          why: 'Not a valid Etsy tag and could not be fixed',
        }),
        expect.objectContaining({ original: 'rope,art', kept: 'rope art' }),
        { field: 'tags', original: 'tag number 11', why: 'More than Etsy’s 13 tags' },
      ]),
    );
  });

  it('drops an over-long tag that has no shorter whole phrase, rather than cut it', () => {
    const result = repairModelOutput(
      answer(['cadeau fête des mères personnalisé', ...THIRTEEN]),
      'fr',
    );
    if (!result.ok) throw new Error(result.error.message);
    const values = result.suggestion.tags.map((t) => t.value);
    expect(values).not.toContain('cadeau fête des');
    expect(values.every((v) => !/\b(des|de|pour)$/.test(v))).toBe(true);
  });

  it('trims an over-long title at a word boundary and says what was cut', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const result = repairModelOutput(answer(THIRTEEN, words));
    if (!result.ok) throw new Error(result.error.message);
    const title = result.suggestion.title.value;
    expect(title.length).toBeLessThanOrEqual(140);
    expect(isValidTitle(title)).toBe(true);
    expect(words.startsWith(`${title} `)).toBe(true);
    expect(result.notes[0]).toMatchObject({ field: 'title', kept: title });
    expect(result.notes[0]!.why).toContain('word');
  });

  it('accepts JSON wrapped in a Markdown fence', () => {
    expect(repairModelOutput('```json\n' + answer(THIRTEEN) + '\n```').ok).toBe(true);
  });

  it.each([
    ['prose instead of JSON', 'Here are some tags: boho, macrame', 'it was not valid JSON'],
    ['a half-finished answer', answer(THIRTEEN).slice(0, 80), 'it was not valid JSON'],
    ['JSON without the fields', '{"tags":"boho"}', 'missing or wrong: title, tags, description'],
  ])('refuses %s with a clear error', (_, raw, detail) => {
    const result = repairModelOutput(raw);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unusable-output', source: 'model' },
    });
    if (!result.ok) expect(result.error.message).toContain(detail);
  });

  it('refuses an answer with nothing valid left', () => {
    const raw = JSON.stringify({
      title: { value: '🌿', reasons: [] },
      tags: [{ value: '🌿', reason: '' }],
      description: { value: ' ', reasons: [] },
    });
    expect(repairModelOutput(raw)).toMatchObject({ ok: false, error: { code: 'unusable-output' } });
  });
});
