/**
 * Which language a listing is written in, from its own words. Listing titles are short keyword
 * phrases, where trigram detectors fail (franc-min, measured: an English title read as Dutch, a
 * German one as Spanish) and would add ~100 KB to every bundle. Function words, a few shop nouns
 * and letters only one language uses decide it instead; anything unsure stays 'unknown', and
 * every rule treats 'unknown' the cautious way.
 */
export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'other' | 'unknown';

const MARKERS: Record<Exclude<Language, 'other' | 'unknown'>, string> = {
  en:
    'the and for with of to in on your you this is are my our her his him mom dad ' +
    'gift personalized handmade custom wedding necklace earrings shirt ' +
    'sticker candle pattern digital download',
  de:
    'und für mit der die das ein eine aus von zum zur im ist sie ihr mama papa oma opa ' +
    'geschenk geschenke personalisiert handgemacht kette ohrringe armband tasse kerze ' +
    'hochzeit silber gold holz leder aufkleber druck muster geburtstag weihnachten',
  fr:
    'et pour avec le la les des du un une en au aux à de sur votre vous maman papa ' +
    'cadeau personnalisé personnalisée fait main bougie collier boucles oreilles bague ' +
    'mariage argent bois cuir affiche imprimé anniversaire noël naissance',
  es:
    'y para con el los las del un una en de por tu su mamá papá hecho mano regalo ' +
    'personalizado personalizada pendientes collar pulsera anillo vela boda plata madera ' +
    'cuero lámina taza cumpleaños navidad aretes',
  it:
    'e per con il lo gli della delle di da un una fatto mano regalo personalizzato ' +
    'orecchini collana anello candela matrimonio argento legno',
  nl:
    'en voor met het een van de op cadeau gepersonaliseerd handgemaakt ketting oorbellen ' +
    'kaars bruiloft zilver hout',
  pt:
    'e para com o os as do da um uma em de feito mão presente personalizado brincos colar ' +
    'vela casamento prata madeira',
};

/** word → the languages it marks, so each word costs one lookup. */
const LANGUAGES_OF = new Map<string, (keyof typeof MARKERS)[]>();
for (const [lang, words] of Object.entries(MARKERS) as [keyof typeof MARKERS, string][]) {
  for (const w of words.split(' ')) LANGUAGES_OF.set(w, [...(LANGUAGES_OF.get(w) ?? []), lang]);
}

const MARKER_SETS = Object.fromEntries(
  Object.entries(MARKERS).map(([lang, words]) => [lang, new Set(words.split(' '))]),
) as Record<keyof typeof MARKERS, Set<string>>;

/** Letters that alone point at one language. */
const LETTER_HINTS: [RegExp, keyof typeof MARKERS][] = [
  [/[äöüß]/iu, 'de'],
  [/[ñ¿¡]/iu, 'es'],
  [/[çœèêëîïû]/iu, 'fr'],
  [/[ãõ]/iu, 'pt'],
];

const ANY_LETTER_HINT = /[äöüßñ¿¡çœèêëîïûãõ]/iu;

const NON_LATIN =
  /[\p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Thai}]/u;
/** Enough text to tell; a long description adds nothing but time. */
const SAMPLE_CHARS = 500;
const WORD = /[\p{L}]+/gu;
/** A listing must lead by this many votes to be called; less is 'unknown'. */
const MIN_LEAD = 2;

/** Words that mark a language: a short tag using one is taken to be in that language. */
export function markerWords(language: Language): ReadonlySet<string> {
  return language in MARKER_SETS ? MARKER_SETS[language as keyof typeof MARKERS] : new Set();
}

export function detectLanguage(text: string): Language {
  const sample = (text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text).toLowerCase();
  if (NON_LATIN.test(sample) && nonLatinMostly(sample)) return 'other';
  const votes = new Map<keyof typeof MARKERS, number>();
  // Each word votes once, so a title that repeats a loanword ("mug, mug cadeau") can't outvote
  // the words around it.
  const seen = new Set<string>();
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(sample)) !== null) {
    const languages = LANGUAGES_OF.get(m[0]);
    if (languages === undefined || seen.has(m[0])) continue;
    seen.add(m[0]);
    for (const lang of languages) votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  if (ANY_LETTER_HINT.test(sample)) {
    for (const [re, lang] of LETTER_HINTS) {
      if (re.test(sample)) votes.set(lang, (votes.get(lang) ?? 0) + 2);
    }
  }
  let first: [keyof typeof MARKERS, number] | undefined;
  let second = 0;
  for (const entry of votes) {
    if (!first || entry[1] > first[1]) {
      second = first?.[1] ?? 0;
      first = entry;
    } else if (entry[1] > second) second = entry[1];
  }
  if (!first || first[1] < MIN_LEAD || first[1] - second < MIN_LEAD) return 'unknown';
  return first[0];
}

function nonLatinMostly(sample: string): boolean {
  const words = sample.match(WORD) ?? [];
  return words.filter((w) => NON_LATIN.test(w)).length > words.length / 2;
}

/** The listing's language, from all of its text (titles alone are often too short to tell). */
export function listingLanguage(listing: {
  title: string;
  description: string;
  tags: readonly string[];
}): Language {
  const head = `${listing.title}\n${listing.tags.join(', ')}`;
  // Title and tags usually decide it; the description is read only when they can't.
  const fromHead = detectLanguage(head);
  if (fromHead !== 'unknown' || listing.description === '') return fromHead;
  return detectLanguage(`${head}\n${listing.description.slice(0, SAMPLE_CHARS)}`);
}

/** English-only word rules (opinion words, item-noun order) run only where English is likely. */
export function mayBeEnglish(language: Language): boolean {
  return language === 'en' || language === 'unknown';
}

export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
  other: 'the listing’s own language',
  unknown: 'the listing’s own language',
};
