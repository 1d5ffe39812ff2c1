/**
 * Every Etsy listing-editor selector and URL pattern lives here, and nowhere else.
 * Each element has candidates in order: id / name first, then structure and ARIA,
 * then (localised) label text last. When Etsy changes its markup, fix it here.
 * Sources and dates: shared/docs/etsy-editor-dom.md.
 */

/** `/your/shops/<shop>/listing-editor/<mode>[/<id>]`; `<shop>` is `me` or the shop name. */
export const EDITOR_PATH =
  /^\/your\/shops\/[^/]+\/listing-editor\/(edit|copy|create)(?:\/(\d+))?\/?$/;

/** Content-script match pattern: broad, because Etsy routes in-page from the listings manager. */
export const SHOP_MANAGER_MATCHES = ['https://www.etsy.com/your/*'];

export interface Candidate {
  selector: string;
  /** Shown when this candidate hits, so a markup change surfaces as "fallback used". */
  kind: 'id' | 'structure' | 'label';
}

export const FIELD_SELECTORS = {
  title: [
    { selector: 'textarea#listing-title-input', kind: 'id' },
    { selector: 'textarea[name="title"]', kind: 'id' },
    { selector: '#field-title textarea', kind: 'structure' },
    { selector: 'textarea[aria-label^="Title" i]', kind: 'label' },
  ],
  description: [
    { selector: 'textarea#listing-description-textarea', kind: 'id' },
    { selector: 'textarea[name="description"]', kind: 'id' },
    { selector: '#field-description textarea', kind: 'structure' },
    { selector: 'textarea[aria-label^="Description" i]', kind: 'label' },
  ],
  tagsInput: [
    { selector: 'input#listing-tags-input', kind: 'id' },
    { selector: '#field-tags input[type="text"]', kind: 'structure' },
    { selector: 'input[name="tags"]', kind: 'id' },
  ],
  tagsAddButton: [
    { selector: 'button#listing-tags-button', kind: 'id' },
    { selector: '#field-tags .wt-input__btn-input-group button', kind: 'structure' },
  ],
  tagsField: [
    { selector: 'fieldset#field-tags', kind: 'id' },
    { selector: '#field-tags', kind: 'structure' },
  ],
  materialsField: [
    { selector: 'fieldset#field-materials', kind: 'id' },
    { selector: '#field-materials', kind: 'structure' },
  ],
  categoryPath: [
    { selector: '#seller-taxonomy-path-name', kind: 'id' },
    { selector: '[data-test-id="seller-taxonomy-path-name"]', kind: 'structure' },
  ],
} satisfies Record<string, Candidate[]>;

export type FieldName = keyof typeof FIELD_SELECTORS;

/** Chip remove buttons carry the value in their label: "Delete tag <tag>". */
export const CHIP_REMOVE = {
  tags: { selector: 'button[aria-label^="Delete tag "]', prefix: 'Delete tag ' },
  materials: { selector: 'button[aria-label^="Delete material "]', prefix: 'Delete material ' },
} as const;

export const CHIP_TEXT = '.le-pill__text';
export const CATEGORY_SEPARATOR = ' > ';

/** Candidates for each chip field's text input and Add button. */
export const CHIP_INPUTS = {
  tags: { input: 'tagsInput', add: 'tagsAddButton', field: 'tagsField' },
} as const satisfies Record<string, { input: FieldName; add: FieldName; field: FieldName }>;
