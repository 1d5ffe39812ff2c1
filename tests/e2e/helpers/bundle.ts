import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../../scripts/launch';

/** Every file of the built extension. */
export function builtFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(EXTENSION_DIR);
  return files;
}
