import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file the tests, the sandbox and the bench read from the repository itself: Etsy's OpenAPI
 * document under `tests/reference/` and the listing-editor imitations under `tests/fixtures/`.
 * `npm run sync-reference` refreshes the copies from the project's shared reference.
 */
export function repoFilePath(relative: string): string {
  const path = fileURLToPath(new URL(`../${relative}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`Missing ${path}: it belongs in this repository.`);
  return path;
}
