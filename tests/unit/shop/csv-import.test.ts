import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkCsvFile, parseListingsCsv } from '@/lib/shop/csv-import';
import { auditCsv, filterRows, gradeRow, NO_FILTER, sortRows } from '@/lib/shop/audit';
import { editorUrl } from '@/lib/shop/rows';
import { repoFilePath } from '../../peers/reference';

const fixture = (name: string) => readFileSync(repoFilePath(`fixtures/shop-csv/${name}`), 'utf8');

describe('importing Etsy’s listings CSV', () => {
  it('reads Etsy’s shape: BOM, quoted multi-line descriptions, comma-joined tags', () => {
    const result = parseListingsCsv(fixture('etsy-listings.csv'), 'EtsyListingsDownload.csv');
    if (!result.ok) throw new Error(result.message);
    expect(result.rows).toHaveLength(3);
    const [first] = result.rows;
    expect(first!.title).toBe('Macrame Wall Hanging');
    expect(first!.description).toBe(
      'A handmade macrame wall hanging.\n\nSize: 60 x 90 cm\nMaterial: "natural" cotton rope',
    );
    expect(first!.tags).toEqual(['macrame', 'wall hanging', 'boho decor']);
    expect(first!.materials).toEqual(['cotton rope', 'driftwood']);
    expect(first!.sku).toBe('MAC-01');
    expect(first!.listingId).toBeNull();
    expect(result.found).toEqual(['TITLE', 'DESCRIPTION', 'TAGS', 'MATERIALS', 'PRICE', 'SKU']);
    expect(result.missing).toEqual(['LISTING_ID']);
  });

  it('maps renamed columns, says which are missing, leaves out lines without a title', () => {
    const result = parseListingsCsv(fixture('odd-columns.csv'), 'mine.csv');
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.map((row) => [row.listingId, row.title, row.tags])).toEqual([
      [1234567890, 'Macrame Wall Hanging, Boho Wall Decor', ['macrame', 'boho decor']],
      [2345678901, 'Name Necklace', ['name necklace']],
    ]);
    expect(result.found).toEqual([
      'TITLE (as “Listing Title”)',
      'TAGS (as “Keywords”)',
      'PRICE',
      'LISTING_ID (as “Listing ID”)',
    ]);
    expect(result.missing).toEqual(['DESCRIPTION', 'MATERIALS', 'SKU']);
    expect(result.skipped).toBe(1);
  });

  it('refuses what isn’t a listings file, with a reason', () => {
    const refuse = (text: string) => {
      const result = parseListingsCsv(text, 'f.csv');
      return result.ok ? 'accepted' : result.message;
    };
    expect(refuse(fixture('not-listings.txt'))).toMatch(
      /doesn’t look like .*no TITLE column \(its columns: Dear customer\)/,
    );
    expect(refuse(fixture('header-only.csv'))).toMatch(/header but no listings/);
    expect(refuse('')).toMatch(/is empty/);
    expect(refuse('just one line of words')).toMatch(/no columns separated by commas/);
    expect(refuse('\uFEFF  \n')).toMatch(/is empty/);
    expect(refuse('NAME_OF_BUYER,ORDER\nAnn,1\n')).toMatch(
      /no TITLE column \(its columns: NAME_OF_BUYER, ORDER\)/,
    );
    expect(refuse('PK\u0003\u0004\u0000\u0000binary')).toMatch(/binary file/);
    expect(checkCsvFile({ name: 'big.csv', size: 50 * 1024 * 1024 })).toMatch(/50 MB, too big/);
    expect(checkCsvFile({ name: 'e.csv', size: 0 })).toMatch(/is empty/);
    expect(checkCsvFile({ name: 'ok.csv', size: 2_000_000 })).toBeNull();
  });

  it('without an id, “Open in Etsy’s editor” searches the listings manager by title', () => {
    expect(editorUrl({ listingId: null, title: 'Soy Candle & Co' })).toBe(
      'https://www.etsy.com/your/shops/me/tools/listings?search_query=Soy+Candle+%26+Co',
    );
    expect(editorUrl({ listingId: 12, title: 'x' })).toBe(
      'https://www.etsy.com/your/shops/me/listing-editor/edit/12',
    );
  });
});

describe('the audit', () => {
  const result = parseListingsCsv(fixture('etsy-listings.csv'), 'f.csv');
  const rows = result.ok ? result.rows.map(gradeRow) : [];

  it('grades with the panel’s checker and sorts and filters by it', () => {
    const byScore = sortRows(rows, { column: 'score', direction: 'asc' }).map((row) => row.title);
    expect(byScore[0]).toBe('Soy Candle');
    expect(rows.find((row) => row.title === 'Soy Candle')!.topFinding).toBeTruthy();
    expect(filterRows(rows, { ...NO_FILTER, text: 'necklace' })).toHaveLength(1);
    expect(filterRows(rows, { ...NO_FILTER, minScore: 101 })).toHaveLength(0);
    const rule = rows.find((row) => row.title === 'Soy Candle')!.findings[0]!.rule;
    expect(filterRows(rows, { ...NO_FILTER, rule }).map((row) => row.title)).toContain(
      'Soy Candle',
    );
  });

  it('exports listing id, URL, title, state, score, findings, tags, formulas escaped', () => {
    const risky = gradeRow({ ...rows[0]!, title: '=HYPERLINK("x")', listingId: 5, key: '5' });
    const parsed = Papa.parse<string[]>(auditCsv([risky, rows[1]!]), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['listing_id', 'url', 'title', 'state', 'score', 'findings', 'tags']);
    expect(parsed[1]!.slice(0, 3)).toEqual([
      '5',
      'https://www.etsy.com/listing/5',
      `'=HYPERLINK("x")`,
    ]);
    expect(parsed[2]![4]).toBe(String(rows[1]!.score));
    expect(parsed[2]![6]).toBe(rows[1]!.tags.join(', '));
  });
});
