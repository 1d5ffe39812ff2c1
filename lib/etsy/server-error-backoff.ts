/**
 * Chromium refuses an extension's requests to a URL for a while once that URL has answered
 * 500, 503 or 509 more than twice in a row ("extension throttling": the wait starts at
 * 700 ms and grows 1.4× with each further failure; a success takes one failure off). fetch
 * reports such a refused request as a plain network failure, so a retry sent inside the
 * window never reaches Etsy, and the seller would read "Could not reach Etsy" while Etsy was
 * only briefly failing. This keeps the same books, per URL without its query as Chromium
 * keeps them, so each request can be held until Chromium would let it through.
 * Source: chromium/src extensions/renderer/extension_throttle_entry.cc and
 * net/base/backoff_entry.cc (the same numbers; Chromium's jitter only shortens its waits).
 */
const COUNTED_STATUSES = new Set([500, 503, 509]);
const ERRORS_IGNORED = 2;
const INITIAL_DELAY_MS = 700;
const MULTIPLY_FACTOR = 1.4;
const MAX_DELAY_MS = 15 * 60_000;
/** Chromium forgets a URL's failures this long after its last wait ended. */
const ENTRY_LIFETIME_MS = 2 * 60_000;

interface Entry {
  failures: number;
  releaseAt: number;
}

/** What Chromium counts as one URL: no query, no fragment. */
function urlId(url: string): string {
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`.toLowerCase();
}

export class ServerErrorBackoff {
  private readonly entries = new Map<string, Entry>();

  /** Counts a response from `url`, as Chromium does when it arrives. */
  observe(url: string, status: number, now: number): void {
    const id = urlId(url);
    const entry = this.current(id, now);
    if (!COUNTED_STATUSES.has(status)) {
      if (!entry) return;
      entry.failures = Math.max(0, entry.failures - 1);
      // Only URLs with failures are kept: the shop page's bulk edits touch thousands.
      if (entry.failures === 0 && entry.releaseAt <= now) this.entries.delete(id);
      return;
    }
    const failed = entry ?? { failures: 0, releaseAt: now };
    failed.failures += 1;
    const over = failed.failures - ERRORS_IGNORED;
    const delay =
      over > 0 ? Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * MULTIPLY_FACTOR ** (over - 1)) : 0;
    failed.releaseAt = Math.max(failed.releaseAt, now + delay);
    this.entries.set(id, failed);
  }

  /** How long a request to `url` must wait before Chromium would send it (0: now). */
  waitMs(url: string, now: number): number {
    const entry = this.current(urlId(url), now);
    return entry ? Math.max(0, entry.releaseAt - now) : 0;
  }

  private current(id: string, now: number): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry && now - entry.releaseAt > ENTRY_LIFETIME_MS) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }
}
