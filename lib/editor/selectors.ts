/**
 * Etsy's known listing-editor hooks (the finder's first layer) and URL patterns. Only
 * ids and names public automation code has seen on Etsy belong here; when they stop
 * matching, the finder falls back to structure and label text (find.ts), and the panel
 * says so. Sources and dates: shared/docs/etsy-editor-dom.md.
 */
import type { EditorField } from './labels';

/** `/your/shops/<shop>/listing-editor/<mode>[/<id>]`; `<shop>` is `me` or the shop name. */
export const EDITOR_PATH =
  /^\/your\/shops\/[^/]+\/listing-editor\/(edit|copy|create)(?:\/(\d+))?\/?$/;

/** Content-script match pattern: broad, because Etsy routes in-page from the listings manager. */
export const SHOP_MANAGER_MATCHES = ['https://www.etsy.com/your/*'];

/** Layer 1: each field's control, and for chip fields the block that holds the chips. */
export const KNOWN_FIELDS: Record<EditorField, { control: string[]; container: string[] }> = {
  title: { control: ['textarea#listing-title-input', 'textarea[name="title"]'], container: [] },
  description: {
    control: ['textarea#listing-description-textarea', 'textarea[name="description"]'],
    container: [],
  },
  tags: {
    control: ['input#listing-tags-input', 'input[name="tags"]'],
    container: ['fieldset#field-tags', '#field-tags'],
  },
  materials: {
    control: ['input#listing-materials-input', 'input[name="materials"]'],
    container: ['fieldset#field-materials', '#field-materials'],
  },
};

export const CATEGORY_PATH = [
  '#seller-taxonomy-path-name',
  '[data-test-id="seller-taxonomy-path-name"]',
];
export const CATEGORY_SEPARATOR = ' > ';
