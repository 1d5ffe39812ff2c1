import { codePointLength, codeUnitIndexAfter, normalizeText } from './text';

/**
 * Etsy's hard rules: text that breaks them is rejected by the API or silently dropped by the editor.
 * The regexes are copied verbatim from the `title`/`tags`/`materials` descriptions of updateListing
 * in etsy-openapi/baseline.json; a match means an invalid character.
 *
 * Every function here is total: any string in, no throw, and every repair returns NFC text that
 * passes the matching `is…`/`…Problems` check.
 */

const TITLE_INVALID_CHAR = /[^\p{L}\p{Nd}\p{P}\p{Sm}\p{Zs}™©®]/u;
export const TAG_INVALID_CHAR = /[^\p{L}\p{Nd}\p{Zs}\-'™©®]/u;
export const MATERIAL_INVALID_CHAR = /[^\p{L}\p{Nd}\p{Zs}]/u;
export const TITLE_MAX_CHARS = 140;
export const TAG_MAX_CHARS = 20;
export const MAX_TAGS = 13;
/** Spec: "You can only use the %, :, & and + characters once each." */
const TITLE_ONCE_CHARS = ['%', ':', '&', '+'] as const;

const TITLE_INVALID_G = new RegExp(TITLE_INVALID_CHAR.source, 'gu');
const TAG_INVALID_G = new RegExp(TAG_INVALID_CHAR.source, 'gu');
const MATERIAL_INVALID_G = new RegExp(MATERIAL_INVALID_CHAR.source, 'gu');
/** Line breaks and tabs are not \p{Zs}; turning them into spaces keeps the words apart. */
const ANY_SPACE_G = /[\s\p{Zs}]+/gu;
const MARK = /^\p{M}/u;
/** Repeated stripping converges fast; the bound only guards against a pathological NFC cycle. */
const MAX_PASSES = 4;

export interface TitleProblem {
  rule: 'T1' | 'T2' | 'T2b';
  /** Code-unit span in the NFC title. */
  start: number;
  end: number;
  text: string;
}

/** Hard problems in a title, with spans into its NFC form. Empty array = Etsy accepts it. */
export function titleProblems(rawTitle: string, maxPerRule = Infinity): TitleProblem[] {
  const title = normalizeText(rawTitle);
  const problems: TitleProblem[] = [];
  if (codePointLength(title) > TITLE_MAX_CHARS) {
    const start = codeUnitIndexAfter(title, TITLE_MAX_CHARS);
    problems.push({ rule: 'T1', start, end: title.length, text: title.slice(start) });
  }
  let invalid = 0;
  for (const m of title.matchAll(TITLE_INVALID_G)) {
    if (invalid++ >= maxPerRule) break;
    problems.push({ rule: 'T2', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const ch of TITLE_ONCE_CHARS) {
    let at = title.indexOf(ch);
    let extra = 0;
    while (at !== -1 && (at = title.indexOf(ch, at + 1)) !== -1 && extra < maxPerRule) {
      problems.push({ rule: 'T2b', start: at, end: at + 1, text: ch });
      extra++;
    }
  }
  return problems;
}

export function isValidTitle(title: string): boolean {
  return title === normalizeText(title) && titleProblems(title, 1).length === 0;
}

/** Valid exactly as given: NFC, trimmed, non-empty, ≤20 characters, only allowed characters. */
export function isValidTag(tag: string): boolean {
  return (
    typeof tag === 'string' &&
    tag.length > 0 &&
    tag === tag.trim() &&
    tag === tag.normalize('NFC') &&
    codePointLength(tag) <= TAG_MAX_CHARS &&
    !TAG_INVALID_CHAR.test(tag)
  );
}

/** @internal exported for its unit test */
export function isValidMaterial(material: string): boolean {
  return (
    typeof material === 'string' &&
    material.trim().length > 0 &&
    material === material.normalize('NFC') &&
    !MATERIAL_INVALID_CHAR.test(material)
  );
}

/** Comparison key for Etsy's "You may not have duplicate tags" (case-insensitive, spacing-insensitive). */
export function tagIdentity(tag: string): string {
  return normalizeText(tag).replace(ANY_SPACE_G, ' ').trim().toLowerCase();
}

/** Keeps the first spelling of each tag, dropping later case-insensitive duplicates. */
export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const id = tagIdentity(tag);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(tag);
  }
  return out;
}

/**
 * Replaces invalid characters with spaces (combining marks vanish, so "e\u0301" never becomes "e ")
 * and collapses spacing, re-normalising until stable because removing a character can let NFC
 * compose or decompose its neighbours differently.
 */
function stripInvalid(raw: string, invalid: RegExp, dropped?: string[]): string {
  let text = normalizeText(raw);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = text
      .replace(ANY_SPACE_G, ' ')
      .replace(invalid, (ch) => {
        dropped?.push(ch);
        return MARK.test(ch) ? '' : ' ';
      })
      .replace(/ {2,}/g, ' ')
      .trim()
      .normalize('NFC');
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Cuts to `limit` code points at the last space; null when the first word alone is too long. */
function cutAtWord(text: string, limit: number): string | null {
  if (codePointLength(text) <= limit) return text;
  const hardEnd = codeUnitIndexAfter(text, limit);
  if (text[hardEnd] === ' ') return text.slice(0, hardEnd);
  const space = text.lastIndexOf(' ', hardEnd - 1);
  return space > 0 ? text.slice(0, space) : null;
}

const TAG_EDGE = /^[\s\-']+|[\s\-']+$/g;

/**
 * Makes a tag Etsy accepts, keeping the seller's case: invalid characters become spaces
 * ("boho,decor" → "boho decor"), leading/trailing - and ' go, and a tag over 20 characters is cut
 * at a word boundary. Returns null when nothing usable is left.
 */
/** A tag's text with what Etsy refuses taken out: marks dropped, other characters made spaces. */
export function cleanTagText(raw: string): string {
  return stripInvalid(raw, TAG_INVALID_G).replace(TAG_EDGE, '');
}

export function repairTag(raw: string): string | null {
  let tag = cleanTagText(raw);
  const cut = cutAtWord(tag, TAG_MAX_CHARS);
  if (cut === null) return null;
  tag = cut.replace(TAG_EDGE, '');
  return isValidTag(tag) ? tag : null;
}

/** Materials allow only letters, numbers and spaces ("100% cotton" → "100 cotton"). */
export function repairMaterial(raw: string): string | null {
  const material = stripInvalid(raw, MATERIAL_INVALID_G);
  return isValidMaterial(material) ? material : null;
}

export interface RepairedTitle {
  value: string;
  /** What was removed, in seller-readable form (characters, repeated symbols, cut-off words). */
  dropped: string[];
}

const TITLE_EDGE_START = /^[\s,;|/\\\-–—:&+.]+/u;
const TITLE_EDGE_END = /[\s,;|/\\\-–—:&+]+$/u;
const SPACE_BEFORE_PUNCT = / +([,.;!?])/g;

function keepFirstOnceChars(title: string, dropped: string[]): string {
  let out = title;
  for (const ch of TITLE_ONCE_CHARS) {
    const first = out.indexOf(ch);
    if (first === -1 || out.indexOf(ch, first + 1) === -1) continue;
    const head = out.slice(0, first + 1);
    const tail = out.slice(first + 1);
    const removed = tail.split(ch).length - 1;
    for (let i = 0; i < removed; i++) dropped.push(ch);
    out = head + tail.split(ch).join(' ');
  }
  return out;
}

/**
 * Makes a title Etsy accepts: invalid characters removed, only the first %, :, & and + kept,
 * and cut at a word boundary to ≤140 characters (mid-word only when a single word is longer).
 */
export function repairTitle(raw: string): RepairedTitle {
  const dropped: string[] = [];
  let title = normalizeText(raw);
  for (let pass = 0; pass < MAX_PASSES && !isValidTitle(title); pass++) {
    title = stripInvalid(title, TITLE_INVALID_G, dropped);
    title = keepFirstOnceChars(title, dropped)
      .replace(/ {2,}/g, ' ')
      .replace(SPACE_BEFORE_PUNCT, '$1')
      .replace(TITLE_EDGE_START, '')
      .replace(TITLE_EDGE_END, '');
    if (codePointLength(title) > TITLE_MAX_CHARS) {
      const cut =
        cutAtWord(title, TITLE_MAX_CHARS) ??
        title.slice(0, codeUnitIndexAfter(title, TITLE_MAX_CHARS));
      dropped.push(title.slice(cut.length).trim());
      title = cut.replace(TITLE_EDGE_END, '');
    }
    title = title.normalize('NFC');
  }
  // Unreachable in practice; it keeps the "always valid" promise even for inputs nobody foresaw.
  return isValidTitle(title) ? { value: title, dropped } : { value: '', dropped: [raw] };
}
