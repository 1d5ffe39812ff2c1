import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file of the project's read-only shared reference (Etsy's OpenAPI document, the editor
 * imitation), which every developer and CI machine has at `../shared` beside the repo.
 */
export function sharedReferencePath(relative: string): string {
  const path = fileURLToPath(new URL(`../../../shared/${relative}`, import.meta.url));
  if (!existsSync(path)) {
    throw new Error(
      `Missing ${path}: the tests and the sandbox read the project's shared reference from ../shared beside this repo.`,
    );
  }
  return path;
}
