import { benchSeo } from './bench/seo';
import { benchSizes } from './bench/size';
import { printTable, type BenchRow } from './bench/table';

const rows: BenchRow[] = [...(await benchSeo()), ...benchSizes()];
printTable(rows);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
