import type { Clock } from './clock';
import { EtsyError } from './errors';

/** Etsy's documented default for new apps; the first response's headers correct it. */
const DEFAULT_PER_SECOND = 10;
const WINDOW_MS = 1000;
/**
 * Etsy counts a second by when requests arrive, and requests can arrive closer together than
 * they left: each per-second slot is held this much longer than the second itself.
 */
const ARRIVAL_MARGIN_MS = 50;
const SLOT_MS = WINDOW_MS + ARRIVAL_MARGIN_MS;
const DAILY_RECHECK_MS = 5 * 60_000;
/** Longer waits than this fail instead: the worker may not live that long, and the seller is waiting. */
export const MAX_RATE_WAIT_MS = 20_000;

/**
 * Keeps this extension under Etsy's queries-per-second limit and honours 429
 * `retry-after`. Calls go through `acquire()` one at a time, so parallel callers can't
 * all see the same free slot.
 */
export class RateLimiter {
  private perSecond = DEFAULT_PER_SECOND;
  private sentAt: number[] = [];
  private blockedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  /** While the daily allowance is used up, calls fail at once instead of queueing for hours. */
  private dailyBlockedUntil = 0;
  /** Calls left in Etsy's rolling 24-hour window, once a response has told us. */
  remainingToday: number | null = null;
  /** Etsy's daily allowance for this app (x-limit-per-day), once a response has told us. */
  limitPerDay: number | null = null;

  constructor(private readonly clock: Clock) {}

  /** Resolves when one more request may be sent now. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    if (this.clock.now() < this.dailyBlockedUntil) {
      throw new EtsyError(
        'rate_limited',
        'Your Etsy app has used up today’s request allowance. Try again later.',
      );
    }
    for (;;) {
      const now = this.clock.now();
      this.sentAt = this.sentAt.filter((at) => now - at < SLOT_MS);
      if (this.blockedUntil - now > MAX_RATE_WAIT_MS) {
        throw new EtsyError(
          'rate_limited',
          `Etsy asks this app to wait ${Math.ceil((this.blockedUntil - now) / 60_000)} min before more requests. Try again then.`,
        );
      }
      if (this.blockedUntil > now) {
        await this.clock.sleep(this.blockedUntil - now);
        continue;
      }
      if (this.sentAt.length >= this.perSecond) {
        await this.clock.sleep(this.sentAt[0]! + SLOT_MS - now);
        continue;
      }
      this.sentAt.push(now);
      return;
    }
  }

  /** Learns the limits from a response's headers. */
  observe(headers: Headers): void {
    const limit = readCount(headers, 'x-limit-per-second');
    if (limit !== null && limit > 0) this.perSecond = limit;
    // Etsy's docs spell it "x-remaining-this-secon"; client libraries read the full word.
    const leftThisSecond =
      readCount(headers, 'x-remaining-this-second') ?? readCount(headers, 'x-remaining-this-secon');
    if (leftThisSecond === 0) this.pauseFor(WINDOW_MS);
    this.limitPerDay = readCount(headers, 'x-limit-per-day') ?? this.limitPerDay;
    const today = readCount(headers, 'x-remaining-today');
    if (today !== null) this.remainingToday = today;
    // The window is rolling, so some allowance returns soon; look again after a while.
    if (today === 0) this.dailyBlockedUntil = this.clock.now() + DAILY_RECHECK_MS;
  }

  /** After a 429: nothing goes out until `retry-after` has passed. */
  pauseFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms);
  }
}

function readCount(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** `retry-after` in seconds (Etsy's form) or an HTTP date; 1 s when absent. */
export function retryAfterMs(headers: Headers, now: number): number {
  const value = headers.get('retry-after');
  if (!value) return WINDOW_MS;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? WINDOW_MS : Math.max(0, date - now);
}
