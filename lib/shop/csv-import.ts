import Papa from 'papaparse';
import type { ShopRow } from './rows';

/** Bigger than any shop's listings file (10,000 listings with long descriptions is ~20 MB). */
const MAX_CSV_BYTES = 30 * 1024 * 1024;

type Column =
  | 'title'
  | 'description'
  | 'tags'
  | 'materials'
  | 'price'
  | 'sku'
  | 'listingId'
  | 'state'
  | 'image';

/**
 * Header names per field, compared without case, spaces or punctuation. Etsy's download
 * uses TITLE, DESCRIPTION, PRICE, CURRENCY_CODE, QUANTITY, TAGS, MATERIALS, IMAGE1…10,
 * VARIATION…, SKU; the rest are names sellers' spreadsheets and older exports use.
 */
const HEADER_NAMES: Record<Column, string[]> = {
  title: ['title', 'listingtitle', 'name', 'itemname'],
  description: ['description', 'listingdescription', 'itemdescription'],
  tags: ['tags', 'tag', 'keywords'],
  materials: ['materials', 'material'],
  price: ['price'],
  sku: ['sku', 'skus'],
  listingId: ['listingid', 'listing', 'id'],
  state: ['state', 'status', 'listingstate'],
  image: ['image1', 'image', 'imageurl', 'photo1', 'photo'],
};
/** The columns the audit reads, by the name Etsy's file gives them: what "found/missing" lists. */
const SHOWN: [Column, string][] = [
  ['title', 'TITLE'],
  ['description', 'DESCRIPTION'],
  ['tags', 'TAGS'],
  ['materials', 'MATERIALS'],
  ['price', 'PRICE'],
  ['sku', 'SKU'],
  ['listingId', 'LISTING_ID'],
];

export type CsvImport =
  | {
      ok: true;
      rows: ShopRow[];
      /** "TAGS (as “Keywords”)": the audit's columns this file has, and under what name. */
      found: string[];
      missing: string[];
      /** Lines without a title, left out. */
      skipped: number;
    }
  | { ok: false; message: string };

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Checks what can be checked before reading the file. */
export function checkCsvFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_CSV_BYTES) {
    return `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(0)} MB, too big for a listings file (up to ${MAX_CSV_BYTES / 1024 / 1024} MB). Download the listings CSV from Shop Manager again and import that.`;
  }
  return null;
}

/** Etsy's listings CSV (or a spreadsheet like it) as audit rows, columns matched by header name. */
export function parseListingsCsv(text: string, fileName: string): CsvImport {
  const notListings = `“${fileName}” doesn’t look like Etsy’s listings CSV.`;
  if (text.slice(0, 65536).includes('\u0000')) {
    return {
      ok: false,
      message: `${notListings} It is a binary file, not text. Use Shop Manager → Settings → Options → Download data → Download CSV.`,
    };
  }
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, message: `“${fileName}” is empty.` };
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy' });
  const [header, ...lines] = parsed.data;
  if (!header || header.length < 2) {
    return { ok: false, message: `${notListings} It has no columns separated by commas.` };
  }
  const columns = new Map<Column, number>();
  for (const [column, names] of Object.entries(HEADER_NAMES) as [Column, string[]][]) {
    const index = header.findIndex((name) => names.includes(normalise(name)));
    if (index !== -1) columns.set(column, index);
  }
  if (!columns.has('title')) {
    const names = header.map((name) => name.trim()).filter(Boolean);
    return {
      ok: false,
      message: `${notListings} It has no TITLE column (its columns: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}).`,
    };
  }
  if (lines.length === 0)
    return { ok: false, message: `“${fileName}” has a header but no listings.` };

  const cell = (line: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (line[index] ?? '').trim();
  };
  const list = (value: string) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const rows: ShopRow[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    const title = cell(line, 'title');
    if (title === '') {
      skipped++;
      return;
    }
    const id = Number(cell(line, 'listingId'));
    const listingId = Number.isSafeInteger(id) && id > 0 ? id : null;
    rows.push({
      key: listingId === null ? `csv:${index + 2}` : String(listingId),
      listingId,
      title,
      description: cell(line, 'description'),
      tags: list(cell(line, 'tags')),
      materials: list(cell(line, 'materials')),
      state: cell(line, 'state').toLowerCase().replace(' ', '_') || 'unknown',
      thumbnailUrl: /^https:\/\//.test(cell(line, 'image')) ? cell(line, 'image') : null,
      favourites: null,
      updatedAt: null,
      price: cell(line, 'price') || null,
      sku: cell(line, 'sku') || null,
    });
  });
  if (rows.length === 0)
    return { ok: false, message: `“${fileName}” has no listing with a title.` };
  const found = SHOWN.filter(([column]) => columns.has(column)).map(([column, name]) => {
    const actual = header[columns.get(column)!]!.trim();
    return actual.toUpperCase() === name ? name : `${name} (as “${actual}”)`;
  });
  const missing = SHOWN.filter(([column]) => !columns.has(column)).map(([, name]) => name);
  return { ok: true, rows, found, missing, skipped };
}
