import type { ListingText, Suggestion } from '../../lib/listing';
import { guardedOffline, guardSuggestion } from '../../lib/guard';
import { repairModelOutput } from '../../lib/llm/repair';
import { applyChoices, defaultChoices, type AppliedText } from '../../lib/review/choices';
import { detectLanguage } from '../../lib/seo/language';
import {
  checkListing,
  isValidTag,
  listingLanguage,
  MAX_TAGS,
  tagIdentity,
  titleProblems,
} from '../../lib/seo';
import type { EvalListing } from './corpus';
import { modelAnswer, translatedTexts, type ModelKind } from './model-answers';

export type Engine = 'offline' | `model-${ModelKind}`;
export const ENGINES: Engine[] = ['offline', 'model-good', 'model-sloppy', 'model-harmful'];

/** The suggestion the seller would see, through the same functions the background uses. */
export function suggestionFor(entry: EvalListing, engine: Engine): Suggestion | null {
  const { listing } = entry;
  if (engine === 'offline') return guardedOffline(listing).suggestion;
  const kind = engine.slice('model-'.length) as ModelKind;
  const repaired = repairModelOutput(
    modelAnswer(kind, listing, entry.lang),
    listingLanguage(listing),
  );
  return repaired.ok ? guardSuggestion(listing, repaired.suggestion).suggestion : null;
}

/** What the listing becomes if the seller keeps every default in the review. */
export function appliedDefaults(listing: ListingText, suggestion: Suggestion): AppliedText {
  return applyChoices(listing, suggestion, defaultChoices(listing, suggestion));
}

/** What the listing becomes if the seller ticks every offer: the guardrails' real test. */
export function appliedEverything(listing: ListingText, suggestion: Suggestion): AppliedText {
  const choices = defaultChoices(listing, suggestion);
  for (const key of Object.keys(choices.addTag)) choices.addTag[key] = true;
  for (const key of Object.keys(choices.removeTag)) choices.removeTag[key] = true;
  return applyChoices(listing, suggestion, { ...choices, title: true, description: true });
}

const fold = (text: string): string => text.toLowerCase().replace(/[\s\-'’.,]+/g, '');

export function lostFacts(entry: EvalListing, applied: AppliedText): string[] {
  const title = fold(applied.title);
  return entry.facts.filter((fact) => !title.includes(fold(fact)));
}

/** The seller's valid, distinct tags that the defaults took away. */
export function removedSellerTags(listing: ListingText, applied: AppliedText): string[] {
  const kept = new Set(applied.tags.map(tagIdentity));
  const seen = new Set<string>();
  return listing.tags.filter((tag) => {
    const id = tagIdentity(tag);
    const first = !seen.has(id);
    seen.add(id);
    return first && isValidTag(tag) && !kept.has(id);
  });
}

/** A changed field in another language, or text the harmful answer wrote in one. */
export function languageChanged(entry: EvalListing, applied: AppliedText): boolean {
  const { listing, lang } = entry;
  const foreign = new Set(translatedTexts(lang).map((t) => t.toLowerCase()));
  const changed = [
    applied.title !== listing.title ? applied.title : null,
    applied.description !== listing.description ? applied.description : null,
    ...applied.tags.filter((t) => !listing.tags.includes(t)),
  ].filter((t): t is string => t !== null);
  return changed.some((text) => {
    if (foreign.has(text.toLowerCase())) return true;
    const found = detectLanguage(text);
    return text.length > 30 && found !== 'unknown' && found !== lang;
  });
}

export function hardErrors(applied: AppliedText): string[] {
  const errors: string[] = titleProblems(applied.title).map((p) => `title ${p.rule}`);
  if (applied.title.trim() === '') errors.push('title empty');
  if (applied.tags.length > MAX_TAGS) errors.push('more than 13 tags');
  for (const tag of applied.tags) if (!isValidTag(tag)) errors.push(`tag "${tag}"`);
  if (new Set(applied.tags.map(tagIdentity)).size < applied.tags.length)
    errors.push('duplicate tags');
  return errors;
}

const PROMO = /\b(sale|free shipping|discount|cheap|best seller|% off)\b/i;

/**
 * An added tag a reviewer would call useful: a valid phrase (or a German compound), about this
 * listing (shares a word with it), no promotion, in the listing's language. Judged here from the
 * text alone, not with the engine's own rules.
 */
export function isUsefulTag(tag: string, entry: EvalListing): boolean {
  const words = tag.toLowerCase().split(/\s+/);
  const compound = entry.lang === 'de' && words.length === 1 && tag.length >= 10;
  if (!isValidTag(tag) || (words.length < 2 && !compound) || PROMO.test(tag)) return false;
  const { listing } = entry;
  const text =
    `${listing.title} ${listing.description} ${listing.tags.join(' ')} ${listing.categoryPath.join(' ')}`.toLowerCase();
  const about = words.some((w) => w.length > 2 && text.includes(w.replace(/s$/, '')));
  const found = detectLanguage(tag);
  return about && (found === 'unknown' || found === entry.lang);
}

export function scoreOf(entry: EvalListing): number {
  return checkListing(entry.listing).score;
}
