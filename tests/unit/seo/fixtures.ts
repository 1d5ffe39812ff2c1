import type { ListingText } from '../../../lib/listing';

/** A listing that follows the guidance, so each test can break exactly one thing. */
export const GOOD: ListingText = {
  title: 'Macrame Wall Hanging, Boho Decor, Handmade Cotton Rope Tapestry',
  description:
    'This macrame wall hanging is knotted by hand from soft cotton rope on a driftwood branch.\n\n' +
    'Size: 60 x 90 cm, with a loop at the back for a single nail. The rope is undyed natural ' +
    'cotton, so the colour is a warm cream. Spot clean only. It suits a nursery, a bedroom wall ' +
    'or the space above a sofa, and makes a calm housewarming gift.',
  tags: [
    'macrame wall hanging',
    'boho wall art',
    'cotton rope tapestry',
    'driftwood hanging',
    'nursery decor',
    'bohemian bedroom',
    'woven wall art',
    'living room art',
    'housewarming gift',
    'cotton knot weaving',
    'rope tapestry',
    'handmade macrame',
    'above bed decor',
  ],
  materials: ['cotton rope', 'driftwood'],
  categoryPath: ['Home & Living', 'Home Decor', 'Wall Hangings'],
};

export function listing(overrides: Partial<ListingText>): ListingText {
  return { ...GOOD, ...overrides };
}
