/** The fields an updateListing call may change, as Etsy has them saved. */
export interface EtsyEditableFields {
  title: string;
  description: string;
  tags: string[];
  materials: string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * The updateListing form body: only the fields that changed, text in NFC (Etsy rejects
 * decomposed accents as invalid characters), and each list as ONE comma-joined value —
 * Etsy keeps only the last of repeated keys and takes brackets literally.
 */
export function encodeListingUpdate(
  before: EtsyEditableFields,
  after: Partial<EtsyEditableFields>,
): URLSearchParams {
  const form = new URLSearchParams();
  const nfc = (text: string) => text.normalize('NFC');
  if (after.title !== undefined && nfc(after.title) !== before.title) {
    form.set('title', nfc(after.title));
  }
  if (after.description !== undefined && nfc(after.description) !== before.description) {
    form.set('description', nfc(after.description));
  }
  for (const field of ['tags', 'materials'] as const) {
    const list = after[field]?.map((item) => nfc(item).trim());
    if (list && !sameList(list, before[field])) form.set(field, list.join(','));
  }
  return form;
}
