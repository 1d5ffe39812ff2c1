import { stem } from './text';

/**
 * Word lists for the English guidance rules. They are deliberately short and conservative:
 * a false warning costs the seller more trust than a missed one.
 */

export function stems(list: string): Set<string> {
  return new Set(list.split(/\s+/).map(stem));
}

/** Etsy: "Move subjective words like 'perfect' or 'beautiful' to the description". */
export const SUBJECTIVE_STEMS = stems(
  'perfect beautiful beautifully unique amazing gorgeous stunning best premium must-have ' +
    'lovely awesome adorable wonderful fabulous fantastic exquisite incredible pretty ' +
    'high-quality luxurious luxury super ' +
    // The same kind of words in German, French and Spanish, so they are never added as tags.
    'schön schöne schönes schöner wunderschön perfekt einzigartig toll tolle ' +
    'beau belle magnifique parfait parfaite superbe joli jolie ' +
    'bonito bonita hermoso hermosa perfecto perfecta precioso preciosa',
);

/**
 * "best friend" names a recipient, not an opinion. "cute" is not listed at all: it is one of the
 * words shoppers really type for stickers and baby items.
 */
export const SUBJECTIVE_EXCEPTIONS_NEXT = stems('friend bestie man mom dad');

/** Etsy: titles should say "nothing about price, sales or shipping". */
export const PROMO_RE =
  /(?<![\p{L}\p{N}])(?:\d+(?:[.,]\d+)?\s*%\s*off|free\s+(?:shipping|delivery|postage)|on\s+sale|best[\s-]?sell(?:er|ers|ing)|limited\s+time|buy\s+one\s+get\s+one|bogo|sale|discount(?:ed|s)?|cheap(?:est)?|clearance|deals?|promo|coupon)(?![\p{L}\p{N}])/giu;

/** Common Etsy item nouns, used to tell "what the item is" from adjectives when tags are missing. */
export const PRODUCT_NOUN_STEMS = stems(
  'necklace earring ring bracelet pendant anklet brooch charm choker jewelry jewellery ' +
    'mug cup tumbler glass candle soap print poster painting art sticker card invitation ' +
    'shirt t-shirt hoodie sweatshirt sweater cardigan dress skirt hat beanie cap scarf sock ' +
    'bag tote purse wallet pouch backpack pillow cushion blanket quilt throw rug tapestry ' +
    'hanging planter pot vase bowl plate ornament wreath garland sign frame lamp mirror clock ' +
    'coaster keychain bookmark journal notebook planner template pattern kit toy doll plush ' +
    'puzzle figurine sculpture collar leash bandana bib onesie romper apron towel napkin ' +
    'tablecloth runner curtain decor basket box tray board spoon magnet pin patch badge ' +
    'topper banner mask costume shoe slipper sandal boot glove mitten headband clip ' +
    'scrunchie bow tie cufflink watch belt svg png stamp label tag bottle jar ' +
    'coat jacket vest pants leggings shorts bodysuit bracelet bookend shelf hook knob',
);

/** Tag heads that describe the occasion or style rather than the item. */
export const NOT_ITEM_STEMS = stems(
  'gift present idea style design handmade vintage personalized personalised custom ' +
    'aesthetic lover',
);

/** Units after a number: "8 oz or 12 oz" names two sizes, not a repeated word. */
export const UNIT_STEMS = stems(
  'oz fl ml l cl cm mm m in inch ft g kg lb lbs ct k mb gb px dpi x pc pcs pack piece set size',
);
