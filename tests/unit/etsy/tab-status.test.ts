import { describe, expect, it } from 'vitest';
import { describeTab } from '@/components/popup/tab-status';

describe('the popup’s current-tab line', () => {
  it('recognises the listing editor', () => {
    expect(
      describeTab('https://www.etsy.com/your/shops/me/listing-editor/edit/1234567890'),
    ).toEqual({ isEditor: true, text: 'This tab is the listing editor for listing 1234567890.' });
    expect(describeTab('https://www.etsy.com/your/shops/me/listing-editor/create').isEditor).toBe(
      true,
    );
  });

  it('treats other pages, and URLs hidden from the extension, as not the editor', () => {
    expect(describeTab('https://www.etsy.com/your/shops/me/dashboard').isEditor).toBe(false);
    expect(describeTab(undefined).isEditor).toBe(false);
  });
});
