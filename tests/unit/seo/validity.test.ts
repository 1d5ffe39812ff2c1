import { describe, expect, it } from 'vitest';
import {
  dedupeTags,
  isValidTag,
  isValidTitle,
  repairTag,
  repairTitle,
  titleProblems,
} from '../../../lib/seo';
import { isValidMaterial, repairMaterial } from '../../../lib/seo/validity';

const DECOMPOSED = 'Te\u0301 Cup';

describe('titleProblems', () => {
  it.each([
    ['a plain title', 'Macrame Wall Hanging, Boho Decor', []],
    ['141 characters', 'a'.repeat(141), ['T1']],
    ['140 emoji-free characters', 'a'.repeat(140), []],
    ['dollar sign', 'Mug $15', ['T2']],
    ['emoji', 'Coffee Mug ☕', ['T2']],
    ['degree sign', 'Mug 90° Handle', ['T2']],
    ['backtick and caret', 'Mug `x` ^2', ['T2', 'T2', 'T2']],
    ['two ampersands', 'Salt & Pepper & Co', ['T2b']],
    ['one of each once-only char', 'Tea: 100% Cotton & Linen + Wool', []],
    ['decomposed accent is fine after NFC', DECOMPOSED, []],
    ['™ © ® are allowed', 'Brand™ Mug © ®', []],
  ])('%s', (_name, title, rules) => {
    expect(titleProblems(title).map((p) => p.rule)).toEqual(rules);
  });

  it('counts code points, so 140 emoji-width letters pass and spans are code units', () => {
    const title = '𝒜'.repeat(140);
    expect(titleProblems(title)).toEqual([]);
    const [p] = titleProblems(`${title}x`);
    expect(p).toMatchObject({ rule: 'T1', start: 280, end: 281, text: 'x' });
  });

  it('points at the second ampersand', () => {
    expect(titleProblems('A & B & C')).toEqual([{ rule: 'T2b', start: 6, end: 7, text: '&' }]);
  });
});

describe('tags', () => {
  it.each([
    ['wall hanging', true],
    ["mother's day gift", true],
    ['t-shirt', true],
    ['café mug', true],
    ['boho, decor', false],
    ['salt & pepper', false],
    ['mr. fox', false],
    ['a'.repeat(21), false],
    ['a'.repeat(20), true],
    [' padded', false],
    ['', false],
    ['Te\u0301 cup', false],
  ])('isValidTag(%j) is %s', (tag, valid) => {
    expect(isValidTag(tag)).toBe(valid);
  });

  it.each([
    ['boho,decor', 'boho decor'],
    ['Salt & Pepper', 'Salt Pepper'],
    ['  Wall   Hanging ', 'Wall Hanging'],
    ['-leading dash', 'leading dash'],
    ['handmade macrame wall hanging', 'handmade macrame'],
    ['supercalifragilisticexpialidocious', null],
    ['☕☕☕', null],
    ['Te\u0301 cup', 'Té cup'],
    ['coffee☕mug', 'coffee mug'],
    ['boho\u20dd decor', 'boho decor'],
  ])('repairTag(%j) → %j', (raw, expected) => {
    expect(repairTag(raw)).toBe(expected);
  });

  it('dedupes case-insensitively, keeping the first spelling', () => {
    expect(dedupeTags(['Wall Art', 'wall art', 'WALL  ART', 'boho'])).toEqual(['Wall Art', 'boho']);
  });
});

describe('repairTitle', () => {
  it.each([
    ['Coffee Mug ☕ Gift', 'Coffee Mug Gift', ['☕']],
    ['Salt & Pepper & Co', 'Salt & Pepper Co', ['&']],
    ['Mug: Tea: Cup', 'Mug: Tea Cup', [':']],
    ['Tea Cup Set', 'Tea Cup Set', []],
    ['Mug\u20dd Gift', 'Mug Gift', ['\u20dd']],
  ])('repairTitle(%j)', (raw, value, dropped) => {
    expect(repairTitle(raw)).toEqual({ value, dropped });
  });

  it('cuts at a word boundary within 140 characters', () => {
    const raw = 'macrame '.repeat(30).trim();
    const { value, dropped } = repairTitle(raw);
    expect(value.length).toBeLessThanOrEqual(140);
    expect(value.endsWith('macrame')).toBe(true);
    expect(dropped.at(-1)).toMatch(/^macrame/);
    expect(isValidTitle(value)).toBe(true);
  });

  it('hard-cuts a single word longer than 140 characters', () => {
    expect(repairTitle('x'.repeat(300)).value).toBe('x'.repeat(140));
  });
});

describe('materials', () => {
  it.each([
    ['cotton rope', true, 'cotton rope'],
    ['100% cotton', false, '100 cotton'],
    ["lamb's wool", false, 'lamb s wool'],
    ['-', false, null],
  ])('%j valid=%s repaired=%j', (raw, valid, repaired) => {
    expect(isValidMaterial(raw)).toBe(valid);
    expect(repairMaterial(raw)).toBe(repaired);
  });
});
