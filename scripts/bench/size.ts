import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../launch';
import type { BenchRow } from './table';

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function sizes(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(EXTENSION_DIR, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Every file an HTML page loads: its scripts, preloads and styles. */
function pageFiles(page: string): string[] {
  const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!);
  return [page, ...refs];
}

/** Built sizes of what each part of the extension loads, raw and gzipped. */
export function benchSizes(): BenchRow[] {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    return [{ measure: 'built sizes', value: 'not built (run npm run build:chrome)', ok: false }];
  }
  const parts: [string, string[]][] = [
    ['content script', ['content-scripts/editor.js', 'content-scripts/editor.css']],
    ['background', ['background.js']],
    ['popup page', pageFiles('popup.html')],
    ['options page', pageFiles('options.html')],
  ];
  return parts.map(([name, files]) => {
    const { raw, gzip } = sizes(files);
    return { measure: `size ${name}`, value: `${kb(raw)} (${kb(gzip)} gzipped)` };
  });
}
