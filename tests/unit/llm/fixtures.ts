import type { ListingText } from '@/lib/listing';

export const LISTING: ListingText = {
  title: 'Macrame Wall Hanging, Boho Wall Decor',
  description: 'A handmade macrame wall hanging in natural cotton rope.',
  tags: ['macrame', 'wall hanging'],
  materials: ['cotton'],
  categoryPath: ['Home & Living', 'Home Decor'],
};

export function answer(tags: string[], title = 'Macrame Wall Hanging, Boho Decor'): string {
  return JSON.stringify({
    title: { value: title, reasons: ['leads with the item'] },
    tags: tags.map((value) => ({ value, reason: 'search phrase' })),
    description: { value: 'A handmade macrame wall hanging.', reasons: ['says what it is'] },
  });
}
