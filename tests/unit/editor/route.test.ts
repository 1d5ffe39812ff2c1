import { describe, expect, it } from 'vitest';
import { parseEditorRoute, routeKey } from '@/lib/editor/route';

describe('parseEditorRoute', () => {
  it.each([
    [
      'https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890',
      { mode: 'edit', listingId: '1234567890' },
    ],
    [
      'https://www.etsy.com/your/shops/ExampleCraftShop/listing-editor/edit/42#item-details',
      { mode: 'edit', listingId: '42' },
    ],
    [
      'https://www.etsy.com/your/shops/me/listing-editor/edit/42?ref=listings_manager',
      { mode: 'edit', listingId: '42' },
    ],
    [
      'https://www.etsy.com/your/shops/me/listing-editor/copy/42',
      { mode: 'copy', templateId: '42' },
    ],
    ['https://www.etsy.com/your/shops/me/listing-editor/create', { mode: 'create' }],
    ['https://www.etsy.com/your/shops/me/listing-editor/create#about', { mode: 'create' }],
  ])('%s is an editor page', (url, route) => {
    expect(parseEditorRoute(url)).toEqual(route);
  });

  it.each([
    'https://www.etsy.com/',
    'https://www.etsy.com/your/shops/me/tools/listings',
    'https://www.etsy.com/listing/1234567890/macrame',
    'https://www.etsy.com/your/shops/me/listing-editor/edit/',
    'https://www.etsy.com/your/shops/me/listing-editor/edit/abc',
    'https://www.etsy.com/your/shops/me/listing-editor/create/12',
    'https://etsy.com.evil.example/your/shops/me/listing-editor/edit/1',
    'https://www.etsy.com.evil.example/your/shops/me/listing-editor/edit/1',
    'not a url',
  ])('%s is not', (url) => {
    expect(parseEditorRoute(url)).toBeNull();
  });

  it('gives each listing its own key, so switching listings refreshes the panel', () => {
    const a = parseEditorRoute('https://www.etsy.com/your/shops/me/listing-editor/edit/1')!;
    const b = parseEditorRoute('https://www.etsy.com/your/shops/me/listing-editor/edit/2')!;
    const aAgain = parseEditorRoute(
      'https://www.etsy.com/your/shops/me/listing-editor/edit/1#media',
    )!;
    expect(routeKey(a)).not.toBe(routeKey(b));
    expect(routeKey(a)).toBe(routeKey(aAgain));
  });
});
