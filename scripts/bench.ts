import { benchSeo } from './bench/seo';
import { printTable, type BenchRow } from './bench/table';

const rows: BenchRow[] = [...(await benchSeo())];
printTable(rows);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
