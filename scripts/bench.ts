/**
 * `npm run bench`: builds the extension (so sizes and browser figures are of the current code),
 * then measures everything side by side in one run and prints one table. Exits non-zero when a
 * figure misses its target.
 */
import { execSync } from 'node:child_process';
import { benchBrowser } from './bench/browser';
import { benchSeo } from './bench/seo';
import { benchSizes } from './bench/size';
import { printTable, type BenchRow } from './bench/table';

console.error('Building the extension…');
execSync('npx wxt build', { stdio: ['ignore', 'ignore', 'inherit'] });

const rows: BenchRow[] = [...(await benchSeo()), ...benchSizes(), ...(await benchBrowser())];
printTable(rows);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
