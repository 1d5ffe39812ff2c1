import { makeListing, type FakeListing } from './data';

/**
 * A whole shop for the fake Etsy: listings made by a seeded generator, so every run (and
 * the bench) sees the same shop. Titles and tags are built from real Etsy product words,
 * with the mistakes real shops make (too few tags, short titles, thin descriptions), so
 * the audit has something to grade.
 */
export interface ShopOptions {
  count: number;
  seed?: number;
  /** First listing id; ids count up from here. */
  firstId?: number;
  /** Seconds; listings get timestamps in the 400 days before. */
  now?: number;
}

/** Etsy's states, weighted roughly like a working shop: mostly active. */
const STATE_WEIGHTS: [FakeListing['state'], number][] = [
  ['active', 0.62],
  ['draft', 0.1],
  ['inactive', 0.08],
  ['expired', 0.12],
  ['sold_out', 0.08],
];

const PRODUCTS: { noun: string; tags: string[]; materials: string[] }[] = [
  {
    noun: 'Macrame Wall Hanging',
    tags: ['macrame', 'wall hanging', 'boho decor', 'woven wall art', 'fiber art'],
    materials: ['cotton rope', 'driftwood'],
  },
  {
    noun: 'Name Necklace',
    tags: ['name necklace', 'gold necklace', 'custom jewelry', 'script name', 'dainty necklace'],
    materials: ['gold fill', 'sterling silver'],
  },
  {
    noun: 'Ceramic Mug',
    tags: ['ceramic mug', 'coffee mug', 'pottery mug', 'handmade mug', 'stoneware'],
    materials: ['stoneware clay', 'glaze'],
  },
  {
    noun: 'Soy Candle',
    tags: ['soy candle', 'scented candle', 'candle gift', 'home fragrance', 'wood wick'],
    materials: ['soy wax', 'cotton wick'],
  },
  {
    noun: 'Leather Wallet',
    tags: ['leather wallet', 'mens wallet', 'bifold wallet', 'minimalist wallet', 'card holder'],
    materials: ['leather', 'waxed thread'],
  },
  {
    noun: 'Baby Blanket',
    tags: ['baby blanket', 'knit blanket', 'nursery decor', 'baby shower', 'crochet blanket'],
    materials: ['merino wool', 'cotton yarn'],
  },
  {
    noun: 'Wedding Sign',
    tags: ['wedding sign', 'welcome sign', 'wedding decor', 'acrylic sign', 'reception sign'],
    materials: ['acrylic', 'vinyl'],
  },
  {
    noun: 'Digital Planner',
    tags: ['digital planner', 'goodnotes', 'ipad planner', 'printable', 'undated planner'],
    materials: [],
  },
  {
    noun: 'Stud Earrings',
    tags: ['stud earrings', 'tiny studs', 'birthstone', 'minimalist earrings', 'gift for her'],
    materials: ['sterling silver', 'cubic zirconia'],
  },
  {
    noun: 'Linen Apron',
    tags: ['linen apron', 'kitchen apron', 'cross back apron', 'chef apron', 'gardening apron'],
    materials: ['linen'],
  },
  {
    noun: 'Dog Collar',
    tags: ['dog collar', 'pet collar', 'personalized collar', 'puppy gift', 'leather collar'],
    materials: ['leather', 'brass'],
  },
  {
    noun: 'Watercolor Print',
    tags: ['watercolor print', 'wall art', 'botanical print', 'art print', 'nursery art'],
    materials: ['archival paper', 'pigment ink'],
  },
];
const ADJECTIVES = [
  'Handmade',
  'Personalized',
  'Minimalist',
  'Boho',
  'Vintage Style',
  'Rustic',
  'Custom',
  'Dainty',
  'Modern',
  'Cottagecore',
];
const COLOURS = ['Sage Green', 'Terracotta', 'Natural', 'Black', 'Gold', 'Cream', 'Dusty Rose'];
const OCCASIONS = [
  'Gift for Her',
  'Gift for Mom',
  'Housewarming Gift',
  'Birthday Gift',
  'Anniversary Gift',
  'Christmas Gift',
  'Bridesmaid Gift',
];
const EXTRA_TAGS = [
  'gift for her',
  'gift for mom',
  'housewarming gift',
  'birthday gift',
  'christmas gift',
  'anniversary gift',
  'bridesmaid gift',
  'handmade gift',
  'unique gift',
  'small business',
  'eco friendly',
  'made to order',
];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateShopListings(options: ShopOptions): FakeListing[] {
  const random = seededRandom(options.seed ?? 14);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = options.now ?? 1_767_000_000;
  const firstId = options.firstId ?? 4_000_000_000;
  const listings: FakeListing[] = [];
  for (let index = 0; index < options.count; index++) {
    const product = pick(PRODUCTS);
    const quality = random();
    const title = makeTitle(product.noun, quality, pick);
    const tags = makeTags(product.tags, quality, random, pick);
    const created = now - Math.floor(random() * 400 * 86400);
    const updated = created + Math.floor(random() * (now - created));
    listings.push(
      makeListing({
        listing_id: firstId + index,
        title,
        description: makeDescription(product.noun, product.materials, quality),
        state: pickState(random()),
        tags,
        materials: quality < 0.3 ? [] : product.materials,
        num_favorers: Math.floor(random() ** 3 * 900),
        quantity: 1 + Math.floor(random() * 20),
        creation_timestamp: created,
        created_timestamp: created,
        original_creation_timestamp: created,
        last_modified_timestamp: updated,
        updated_timestamp: updated,
        state_timestamp: updated,
        ending_timestamp: updated + 120 * 86400,
        price: {
          amount: 800 + Math.floor(random() * 120) * 100,
          divisor: 100,
          currency_code: 'USD',
        },
      }),
    );
  }
  return listings;
}

function pickState(roll: number): FakeListing['state'] {
  let sum = 0;
  for (const [state, weight] of STATE_WEIGHTS) {
    sum += weight;
    if (roll < sum) return state;
  }
  return 'active';
}

/** Low quality: the bare product name; high quality: adjective, colour, product, occasion. */
function makeTitle(noun: string, quality: number, pick: <T>(items: readonly T[]) => T): string {
  if (quality < 0.15) return noun;
  if (quality < 0.4) return `${pick(ADJECTIVES)} ${noun}`;
  if (quality < 0.75) return `${pick(ADJECTIVES)} ${noun}, ${pick(COLOURS)} ${noun.split(' ')[0]}`;
  return `${pick(ADJECTIVES)} ${noun} in ${pick(COLOURS)}, ${pick(OCCASIONS)}, ${pick(ADJECTIVES)} ${noun.split(' ').pop()}`;
}

function makeTags(
  base: string[],
  quality: number,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): string[] {
  const wanted = Math.max(1, Math.min(13, Math.round(quality * 14 + random() * 2 - 1)));
  const tags = new Set(base.slice(0, Math.min(base.length, wanted)));
  for (let tries = 0; tags.size < wanted && tries < 40; tries++) tags.add(pick(EXTRA_TAGS));
  return [...tags];
}

function makeDescription(noun: string, materials: string[], quality: number): string {
  const lower = noun.toLowerCase();
  if (quality < 0.2) return `${noun}.`;
  const lines = [
    `This ${lower} is made by hand in my small studio, one at a time.`,
    materials.length > 0 ? `Materials: ${materials.join(', ')}.` : '',
    quality > 0.5 ? `Each ${lower} ships in gift-ready packaging within 3 business days.` : '',
    quality > 0.7
      ? `Care: wipe clean with a soft cloth. Colours may vary slightly from the photos, as every ${lower} is unique.`
      : '',
  ];
  return lines.filter(Boolean).join('\n\n');
}

/** Etsy's `ListingImage` for a listing's first photo; the fake serves the picture itself. */
export function listingImage(listing: FakeListing) {
  const imageId = listing.listing_id * 10 + 1;
  const base = `https://i.etsystatic.com/${listing.shop_id}/r/il/a1b2c3/${imageId}`;
  return {
    listing_id: listing.listing_id,
    listing_image_id: imageId,
    hex_code: null,
    red: null,
    green: null,
    blue: null,
    hue: null,
    saturation: null,
    brightness: null,
    is_black_and_white: null,
    creation_tsz: listing.created_timestamp as number,
    created_timestamp: listing.created_timestamp as number,
    rank: 1,
    url_75x75: `${base}/il_75x75.${imageId}_x1y2.jpg`,
    url_170x135: `${base}/il_170x135.${imageId}_x1y2.jpg`,
    url_570xN: `${base}/il_570xN.${imageId}_x1y2.jpg`,
    url_fullxfull: `${base}/il_fullxfull.${imageId}_x1y2.jpg`,
    full_height: 2000,
    full_width: 2000,
    alt_text: null,
  };
}
