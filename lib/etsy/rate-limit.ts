import PQueue from 'p-queue';
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

/** Why a waiting request left a queue whose limit changed: it joins the new queue. */
const REQUEUE = Symbol('requeue');

/** One p-queue at one per-second limit, and the requests still waiting in it. */
interface Lane {
  queue: PQueue;
  waiting: Set<AbortController>;
}

/**
 * p-queue can't change `intervalCap` while running, so a new limit gets a new queue, paused
 * until the old queue's last slot has passed.
 */
function newLane(perSecond: number, autoStart: boolean): Lane {
  // `strict`: a sliding window, each slot held SLOT_MS from when its request left.
  const queue = new PQueue({ intervalCap: perSecond, interval: SLOT_MS, strict: true, autoStart });
  return { queue, waiting: new Set() };
}

/**
 * Keeps this extension under Etsy's queries-per-second limit and honours 429
 * `retry-after`: every request waits its turn in a p-queue rate-limited to Etsy's limit.
 */
export class RateLimiter {
  private perSecond = DEFAULT_PER_SECOND;
  private lane = newLane(DEFAULT_PER_SECOND, true);
  private lastSentAt = Number.NEGATIVE_INFINITY;
  /** Nothing goes out before this (retry-after, a used-up second, a change of limit). */
  private blockedUntil = 0;
  private resumeTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the daily allowance is used up, calls fail at once instead of queueing for hours. */
  private dailyBlockedUntil = 0;
  /** Calls left in Etsy's rolling 24-hour window, once a response has told us. */
  remainingToday: number | null = null;
  /** Etsy's daily allowance for this app (x-limit-per-day), once a response has told us. */
  limitPerDay: number | null = null;

  /** Resolves when one more request may be sent now. */
  async acquire(): Promise<void> {
    for (;;) {
      const refusal = this.refusal();
      if (refusal) throw refusal;
      const lane = this.lane;
      const ticket = new AbortController();
      lane.waiting.add(ticket);
      try {
        await lane.queue.add(this.markSent, { signal: ticket.signal });
        return;
      } catch (error) {
        if (error !== REQUEUE) throw error;
      } finally {
        lane.waiting.delete(ticket);
      }
    }
  }

  /** Learns the limits from a response's headers. */
  observe(headers: Headers): void {
    const limit = readCount(headers, 'x-limit-per-second');
    if (limit !== null && limit > 0) this.setPerSecond(Math.floor(Math.max(1, limit)));
    // Etsy's docs spell it "x-remaining-this-secon"; client libraries read the full word.
    const leftThisSecond =
      readCount(headers, 'x-remaining-this-second') ?? readCount(headers, 'x-remaining-this-secon');
    if (leftThisSecond === 0) this.pauseFor(WINDOW_MS);
    this.limitPerDay = readCount(headers, 'x-limit-per-day') ?? this.limitPerDay;
    const today = readCount(headers, 'x-remaining-today');
    if (today !== null) this.remainingToday = today;
    // The window is rolling, so some allowance returns soon; look again after a while.
    if (today === 0) {
      this.dailyBlockedUntil = Date.now() + DAILY_RECHECK_MS;
      this.refuseWaiting();
    }
  }

  /** After a 429: nothing goes out until `retry-after` has passed. */
  pauseFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, Date.now() + ms);
    this.holdUntilUnblocked();
    this.refuseWaiting();
  }

  private readonly markSent = () => {
    this.lastSentAt = Date.now();
  };

  private setPerSecond(perSecond: number): void {
    if (perSecond === this.perSecond) return;
    this.perSecond = perSecond;
    const old = this.lane;
    this.lane = newLane(perSecond, false);
    this.blockedUntil = Math.max(this.blockedUntil, this.lastSentAt + SLOT_MS);
    this.holdUntilUnblocked();
    for (const ticket of old.waiting) ticket.abort(REQUEUE);
  }

  private holdUntilUnblocked(): void {
    clearTimeout(this.resumeTimer);
    const wait = this.blockedUntil - Date.now();
    if (wait <= 0) {
      this.lane.queue.start();
      return;
    }
    this.lane.queue.pause();
    this.resumeTimer = setTimeout(() => this.lane.queue.start(), wait);
  }

  /** Requests already waiting fail too once the wait has become too long to sit out. */
  private refuseWaiting(): void {
    const refusal = this.refusal();
    if (!refusal) return;
    for (const ticket of this.lane.waiting) ticket.abort(refusal);
  }

  private refusal(): EtsyError | null {
    const now = Date.now();
    if (now < this.dailyBlockedUntil) {
      return new EtsyError(
        'rate_limited',
        'Your Etsy app has used up today’s request allowance. Try again later.',
      );
    }
    if (this.blockedUntil - now > MAX_RATE_WAIT_MS) {
      return new EtsyError(
        'rate_limited',
        `Etsy asks this app to wait ${Math.ceil((this.blockedUntil - now) / 60_000)} min before more requests. Try again then.`,
      );
    }
    return null;
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
