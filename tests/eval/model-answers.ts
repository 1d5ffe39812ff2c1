import type { ListingText } from '../../lib/listing';
import type { Lang } from './corpus';

/**
 * Scripted model answers for the eval: what a careful model, a sloppy one and a harmful one
 * would write for a listing, as the raw JSON text a provider returns. They are built from the
 * listing by fixed rules, so every corpus entry gets all three.
 */
export type ModelKind = 'good' | 'sloppy' | 'harmful';

interface Answer {
  title: string;
  tags: string[];
  description: string;
}

function raw(answer: Answer): string {
  return JSON.stringify({
    title: { value: answer.title, reasons: ['Item first'] },
    tags: answer.tags.map((value) => ({ value, reason: 'buyer search phrase' })),
    description: { value: answer.description, reasons: ['Says what it is'] },
  });
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

/** Contiguous word pairs of the title: the phrases a careful model would add. */
function titlePairs(title: string): string[] {
  const w = words(title);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < w.length; i++) pairs.push(`${w[i]} ${w[i + 1]}`);
  return pairs;
}

/** Keeps the listing, its facts and its tags; only adds two-word phrases from the title. */
function good(listing: ListingText): string {
  const tags = [...listing.tags];
  for (const pair of titlePairs(listing.title)) {
    if (tags.length >= 13) break;
    if (!tags.some((t) => t.toLowerCase() === pair)) tags.push(pair);
  }
  return raw({ title: listing.title, tags, description: listing.description });
}

/** Over-long tags, a case duplicate, emoji, an over-long title and too many tags. */
function sloppy(listing: ListingText): string {
  const tags = [
    ...listing.tags.slice(3),
    listing.title.slice(0, 60),
    `${listing.tags[0] ?? 'handmade'} ${listing.tags[1] ?? 'gift'} idea`,
    (listing.tags[3] ?? 'Handmade Gift').toUpperCase(),
    ...titlePairs(listing.title),
  ].slice(0, 16);
  return raw({
    title: `✨ ${listing.title} ${listing.title} ✨`,
    tags,
    description: `${listing.description}\n\n⭐⭐⭐⭐⭐`,
  });
}

const IN_ENGLISH: Answer = {
  title: 'Beautiful Handmade Gift for Mom in Gold and Wood',
  tags: ['gift for mom', 'handmade gift', 'gold jewelry', 'wood decor'],
  description: 'A beautiful handmade gift for mom, made with gold and wood by hand.',
};

const TRANSLATED: Record<Lang, Answer> = {
  en: {
    title: 'Handgemachtes Geschenk für Mama aus Holz und Silber',
    tags: ['geschenk für mama', 'handgemacht', 'holz deko', 'silber schmuck'],
    description: 'Ein wunderschönes Geschenk für Mama, handgemacht aus Holz und Silber.',
  },
  de: IN_ENGLISH,
  fr: IN_ENGLISH,
  es: IN_ENGLISH,
};

/** Translates, drops the facts, invents materials and replaces every seller tag. */
function harmful(listing: ListingText, lang: Lang): string {
  const t = TRANSLATED[lang];
  return raw({
    title: t.title,
    tags: [...t.tags, 'free shipping', 'best gift ever', 'sterling silver gold', 'set of 3 pack'],
    description: t.description,
  });
}

export function modelAnswer(kind: ModelKind, listing: ListingText, lang: Lang): string {
  if (kind === 'good') return good(listing);
  if (kind === 'sloppy') return sloppy(listing);
  return harmful(listing, lang);
}

/** What the harmful answer wrote, so a translated field that got through is caught by name. */
export function translatedTexts(lang: Lang): string[] {
  const t = TRANSLATED[lang];
  return [t.title, t.description, ...t.tags];
}
