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
  const loader = sizes(['content-scripts/editor.js']);
  const editorPage = sizes(['content-scripts/editor.js', 'editor-host.js']);
  const goals: BenchRow[] = [
    {
      measure: 'script added to a Shop Manager page that is not the editor',
      value: `${kb(loader.raw)} minified (${kb(loader.gzip)} gzipped)`,
      target: '≤ 15 KB minified',
      ok: loader.raw <= 15 * 1024,
    },
    {
      measure: 'script in the editor page before the panel shows',
      value: `${kb(editorPage.gzip)} gzipped (${kb(editorPage.raw)} minified)`,
      target: '≤ 80 KB gzipped',
      ok: editorPage.gzip <= 80 * 1024,
    },
  ];
  const parts: [string, string[]][] = [
    ['panel frame (extension page, own process)', pageFiles('panel.html')],
    ['background', ['background.js']],
    ['popup page', pageFiles('popup.html')],
    ['options page', pageFiles('options.html')],
  ];
  return [
    ...goals,
    ...parts.map(([name, files]) => {
      const { raw, gzip } = sizes(files);
      return { measure: `size ${name}`, value: `${kb(raw)} (${kb(gzip)} gzipped)` };
    }),
  ];
}
