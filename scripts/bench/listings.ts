import type { ListingText } from '../../lib/listing';

/** Small, fast, seedable PRNG (mulberry32) so every run benchmarks the same listings. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Product {
  item: string;
  category: string[];
  materials: string[];
  uses: string[];
}

const PRODUCTS: Product[] = [
  {
    item: 'Macrame Wall Hanging',
    category: ['Home & Living', 'Home Decor', 'Wall Hangings'],
    materials: ['cotton rope', 'driftwood', '100% cotton'],
    uses: ['nursery decor', 'boho bedroom', 'living room'],
  },
  {
    item: 'Sterling Silver Ring',
    category: ['Jewelry', 'Rings', 'Bands'],
    materials: ['sterling silver', 'recycled silver'],
    uses: ['stacking ring', 'everyday jewelry', 'gift for her'],
  },
  {
    item: 'Ceramic Coffee Mug',
    category: ['Home & Living', 'Kitchen & Dining', 'Drinkware', 'Mugs'],
    materials: ['stoneware', 'glaze'],
    uses: ['coffee lover gift', 'tea cup', 'office mug'],
  },
  {
    item: 'Soy Wax Candle',
    category: ['Home & Living', 'Home Decor', 'Candles & Holders', 'Candles'],
    materials: ['soy wax', 'cotton wick', 'essential oils'],
    uses: ['relaxing gift', 'bath candle', 'housewarming gift'],
  },
  {
    item: 'Personalized Name Necklace',
    category: ['Jewelry', 'Necklaces', 'Pendant Necklaces'],
    materials: ['gold filled', 'brass'],
    uses: ['bridesmaid gift', 'mom gift', 'birthday present'],
  },
  {
    item: 'Linen Tote Bag',
    category: ['Bags & Purses', 'Totes'],
    materials: ['linen', 'cotton thread'],
    uses: ['market bag', 'beach bag', 'reusable shopping'],
  },
  {
    item: 'Watercolor Art Print',
    category: ['Art & Collectibles', 'Prints', 'Digital Prints'],
    materials: ['archival paper', 'pigment ink'],
    uses: ['nursery art', 'botanical wall art', 'gallery wall'],
  },
];

const ADJECTIVES = [
  'Boho',
  'Minimalist',
  'Rustic',
  'Vintage Style',
  'Modern',
  'Handmade',
  'Custom',
  'Large',
  'Small',
  'Natural',
];
const OPINIONS = ['Beautiful', 'Cute', 'Unique', 'Perfect', 'Stunning'];
const PROMOS = ['Free Shipping', 'Sale', '20% OFF'];
const EXTRAS = ['☕', '&', '|', '$25', '✨'];
const SENTENCES = [
  'Each piece is made by hand in my small studio, so yours may vary slightly.',
  'It arrives ready to give, wrapped in recycled tissue paper.',
  'Care: wipe clean with a soft, dry cloth.',
  'Please message me before ordering if you need it by a certain date.',
  'Sizes are listed in the photos; measure your space before ordering.',
  'All materials are sourced from small suppliers I trust.',
  'Colours may look slightly different on your screen.',
  'Processing time is 3 to 5 business days.',
];

/** Realistic listings with the mistakes sellers actually make, at realistic rates. */
export function generateListings(count: number, seed = 42): ListingText[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number): boolean => random() < p;

  return Array.from({ length: count }, () => {
    const product = pick(PRODUCTS);
    const adjectives = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(ADJECTIVES));
    const use = pick(product.uses);
    const titleParts = [
      chance(0.3)
        ? `${pick(OPINIONS)} ${adjectives.join(' ')} ${product.item}`
        : `${product.item}, ${adjectives.join(' ')}`,
      use,
      ...(chance(0.4) ? [pick(product.uses), pick(product.materials)] : []),
      ...(chance(0.15) ? [pick(PROMOS)] : []),
      ...(chance(0.1) ? [pick(EXTRAS)] : []),
    ];
    const tagPool = [
      product.item.toLowerCase(),
      ...product.uses,
      ...product.materials,
      ...adjectives.map(
        (a) => `${a.toLowerCase()} ${product.item.split(' ').at(-1)?.toLowerCase()}`,
      ),
      pick(product.category).toLowerCase(),
      'gift idea',
      'handmade gift',
      chance(0.2) ? `${product.item.toLowerCase()}s` : 'gift for friend',
      chance(0.1) ? 'boho, decor & more' : 'unique present',
    ];
    const tagCount = Math.min(tagPool.length, 4 + Math.floor(random() * 11));
    const description = [
      chance(0.7)
        ? `This ${product.item.toLowerCase()} is ${adjectives.join(', ').toLowerCase()} and made for ${use}.`
        : '',
      ...Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(SENTENCES)),
    ].join(' ');
    return {
      title: titleParts.join(', '),
      description: chance(0.05) ? '' : description,
      tags: tagPool.slice(0, tagCount),
      materials: product.materials.slice(0, 1 + Math.floor(random() * product.materials.length)),
      categoryPath: chance(0.9) ? product.category : [],
    };
  });
}
