import type { ListingText } from '../../lib/listing';
import { checkListing, suggestOffline } from '../../lib/seo';
import { generateListings } from './listings';
import { formatCount, type BenchRow } from './table';

const LISTINGS = 10_000;
const CHECKER_TARGET = 20_000;
const SUGGEST_TARGET = 2_000;

interface Timing {
  perSecond: number;
  p99Ms: number;
}

/**
 * Throughput uses this process's CPU time, so other work on a shared machine doesn't count against
 * us (and background GC threads count for it: conservative). Each call is also timed on the wall
 * clock so the p99 shows the slow listings a throughput figure hides.
 */
function time(listings: readonly ListingText[], run: (l: ListingText) => unknown): Timing {
  // One full untimed pass lets the JIT settle, so we measure steady state, not compilation.
  for (const l of listings) run(l);
  const durations = new Float64Array(listings.length);
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < listings.length; i++) {
    const t0 = performance.now();
    run(listings[i] as ListingText);
    durations[i] = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpuStart);
  const totalMs = (cpu.user + cpu.system) / 1000;
  durations.sort();
  const p99 = durations[Math.min(durations.length - 1, Math.floor(durations.length * 0.99))] ?? 0;
  return { perSecond: (listings.length / totalMs) * 1000, p99Ms: p99 };
}

function rows(name: string, timing: Timing, target: number): BenchRow[] {
  return [
    {
      measure: name,
      value: `${formatCount(timing.perSecond)} listings/s`,
      target: `≥ ${formatCount(target)} listings/s (one core, CPU time)`,
      ok: timing.perSecond >= target,
    },
    { measure: `${name} p99`, value: `${timing.p99Ms.toFixed(3)} ms/listing` },
  ];
}

export async function benchSeo(): Promise<BenchRow[]> {
  const listings = generateListings(LISTINGS);
  return [
    { measure: 'seo listings', value: `${formatCount(listings.length)} generated (seed 42)` },
    ...rows('checker', time(listings, checkListing), CHECKER_TARGET),
    ...rows('offline suggestions', time(listings, suggestOffline), SUGGEST_TARGET),
  ];
}
