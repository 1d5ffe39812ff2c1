/** Thirteen good tags for the fixture's macrame listing, as a model might suggest them. */
export const MACRAME_TAGS = [
  'macrame wall hanging',
  'boho wall decor',
  'cotton rope art',
  'woven tapestry',
  'bohemian decor',
  'nursery wall art',
  'housewarming gift',
  'fiber art',
  'rope wall hanging',
  'neutral home decor',
  'large macrame',
  'living room decor',
  'handmade wall art',
];
