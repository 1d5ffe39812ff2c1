import type { ListingText } from '@/lib/listing';
import { stem, wordsOf } from '@/lib/seo/text';
import { stems } from '@/lib/seo/lexicon';
import { MARKUP } from '@/lib/seo/facts';

/**
 * Materials and colours a buyer holds a seller to. A suggestion may only name those the listing
 * already names; a made-up "sterling silver" or "gold" is a false claim, not an improvement.
 */
const CLAIM_STEMS = stems(
  'silver gold brass copper bronze pewter platinum titanium steel stainless aluminum aluminium ' +
    'iron wood wooden oak walnut maple pine bamboo cedar birch cherry leather suede cotton linen ' +
    'wool silk cashmere polyester velvet denim hemp jute ceramic porcelain stoneware glass ' +
    'crystal pearl diamond opal ruby sapphire emerald turquoise amethyst quartz resin acrylic ' +
    'plastic vinyl paper cardboard canvas marble concrete clay soy beeswax paraffin coconut ' +
    'red orange yellow green blue purple pink brown black white grey gray beige ivory navy ' +
    'teal turquoise gold rose lavender mint burgundy ' +
    'silber holz leder baumwolle leinen wolle seide keramik glas perle rot blau grün gelb ' +
    'schwarz weiß weiss rosa lila braun ' +
    'argent bois cuir coton lin laine soie céramique verre perle rouge bleu vert jaune noir ' +
    'blanc rose violet marron ' +
    'plata oro madera cuero algodón lino lana seda cerámica vidrio perla rojo azul verde ' +
    'amarillo negro blanco rosa morado marrón',
);

/** Every stem and number the listing itself mentions. */
export function listingVocabulary(listing: ListingText): Set<string> {
  const text = [
    listing.title,
    listing.description,
    ...listing.tags,
    ...listing.materials,
    ...listing.categoryPath,
  ].join(' \n ');
  const vocabulary = new Set<string>();
  for (const w of wordsOf(text)) {
    vocabulary.add(w.stem);
    // "14oz" and "8x10" also vouch for "14" and "8", "10".
    for (const n of w.text.match(/\d+/g) ?? []) vocabulary.add(n);
  }
  return vocabulary;
}

/** Words in `text` claiming a material, colour or quantity the listing never mentions. */
export function inventedClaims(text: string, known: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const w of wordsOf(text.replace(MARKUP, ' '))) {
    if (CLAIM_STEMS.has(w.stem) && !known.has(w.stem) && !known.has(stem(w.text))) {
      out.add(w.text);
    }
    for (const n of w.text.match(/\d+/g) ?? []) if (!known.has(n)) out.add(w.text);
  }
  return [...out];
}
