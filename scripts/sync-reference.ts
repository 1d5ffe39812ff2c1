/**
 * Refreshes the repository's copies of the project's shared reference (`../shared` beside the
 * checkout, when a developer has it): Etsy's OpenAPI document and the listing-editor imitation.
 * Nothing reads `../shared` at run time; this script only copies and reports what changed.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const COPIES: [from: string, to: string][] = [
  ['etsy-openapi/baseline.json', 'tests/reference/etsy-openapi/baseline.json'],
  ['etsy-openapi/SOURCE.md', 'tests/reference/etsy-openapi/SOURCE.md'],
  ['fixtures/etsy-listing-editor.html', 'tests/fixtures/etsy-listing-editor.html'],
  ['fixtures/README.md', 'tests/fixtures/README.md'],
];

const repo = fileURLToPath(new URL('..', import.meta.url));
const shared = process.argv[2] ?? fileURLToPath(new URL('../../shared/', import.meta.url));

if (!existsSync(shared)) {
  console.error(
    `No shared reference at ${shared}: nothing to sync (pass its folder as an argument).`,
  );
  process.exit(1);
}
for (const [from, to] of COPIES) {
  const source = `${shared}/${from}`;
  const target = `${repo}/${to}`;
  if (!existsSync(source)) {
    console.log(`missing   ${from}`);
    continue;
  }
  const before = existsSync(target) ? readFileSync(target) : null;
  const after = readFileSync(source);
  if (before?.equals(after)) {
    console.log(`unchanged ${to}`);
    continue;
  }
  copyFileSync(source, target);
  console.log(`${before ? 'updated  ' : 'added    '} ${to}`);
}
