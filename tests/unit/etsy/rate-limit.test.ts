import { HTTPError } from 'ky';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, retryAfterMs } from '@/lib/etsy/rate-limit';
import { MAX_ATTEMPTS, retryPolicy } from '@/lib/etsy/retry';

describe('RateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** When each of `count` parallel requests was let out, in ms from the start. */
  async function sendTimes(limiter: RateLimiter, count: number, during?: () => void) {
    const start = Date.now();
    const sent: number[] = [];
    const all = Promise.all(
      Array.from({ length: count }, async () => {
        await limiter.acquire();
        sent.push(Date.now() - start);
      }),
    );
    during?.();
    await vi.runAllTimersAsync();
    await all;
    return sent;
  }

  it('lets at most x-limit-per-second requests out per second', async () => {
    const limiter = new RateLimiter();
    limiter.observe(new Headers({ 'x-limit-per-second': '4' }));
    const sent = await sendTimes(limiter, 10);
    // Each slot is held a second plus a small margin for requests that arrive bunched up.
    expect(sent).toEqual([0, 0, 0, 0, 1050, 1050, 1050, 1050, 2100, 2100]);
  });

  it('moves requests already waiting to a lower limit learned meanwhile', async () => {
    const limiter = new RateLimiter();
    const sent = await sendTimes(limiter, 14, () =>
      limiter.observe(new Headers({ 'x-limit-per-second': '2' })),
    );
    // Ten went out at the default limit; the rest wait out that second, then go two at a time.
    expect(sent).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1050, 1050, 2100, 2100]);
  });

  it('waits for the next second when either spelling of remaining-this-second is 0', async () => {
    for (const name of ['x-remaining-this-second', 'x-remaining-this-secon']) {
      const limiter = new RateLimiter();
      limiter.observe(new Headers({ [name]: '0' }));
      const sent = await sendTimes(limiter, 1);
      expect(sent).toEqual([1000]);
    }
  });

  it('holds everything until retry-after has passed', async () => {
    const limiter = new RateLimiter();
    limiter.pauseFor(retryAfterMs(new Headers({ 'retry-after': '3' }), Date.now()));
    const sent = await sendTimes(limiter, 3);
    expect(sent).toEqual([3000, 3000, 3000]);
  });

  it('fails waiting and new requests at once when Etsy asks for a long wait', async () => {
    const limiter = new RateLimiter();
    limiter.observe(new Headers({ 'x-limit-per-second': '1' }));
    const requests = Array.from({ length: 3 }, () => limiter.acquire());
    limiter.pauseFor(3600_000);
    const longWait = { kind: 'rate_limited', message: expect.stringContaining('wait 60 min') };
    const settled = await Promise.allSettled(requests);
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(settled[1]).toMatchObject({ reason: longWait });
    await expect(limiter.acquire()).rejects.toMatchObject(longWait);
  });

  it('refuses to send once x-remaining-today reaches 0, and looks again later', async () => {
    const limiter = new RateLimiter();
    limiter.observe(new Headers({ 'x-remaining-today': '0' }));
    expect(limiter.remainingToday).toBe(0);
    await expect(limiter.acquire()).rejects.toMatchObject({ kind: 'rate_limited' });
    vi.advanceTimersByTime(5 * 60_000);
    await expect(limiter.acquire()).resolves.toBeUndefined();
  });
});

describe('retry policy', () => {
  const retried = (method: 'GET' | 'PATCH', failure: number | 'network') => {
    const error =
      failure === 'network'
        ? new TypeError('Failed to fetch')
        : new HTTPError(
            new Response(null, { status: failure }),
            new Request('https://api.etsy.com/v3/application/users/me', { method }),
            {} as never,
          );
    // undefined: ky's own rule decides, which retries the statusCodes listed.
    const verdict = retryPolicy(method, Math.random, () => false).shouldRetry!({
      error,
      retryCount: 1,
    });
    return verdict ?? (failure !== 'network' && [429].includes(failure));
  };
  /** The wait before retry number `attempt + 1`, composed as ky composes it. */
  const backoffMs = (attempt: number, random: () => number) => {
    const policy = retryPolicy('GET', random, () => false);
    return Math.min(
      policy.backoffLimit!,
      (policy.jitter as (delay: number) => number)(policy.delay!(attempt + 1)),
    );
  };

  it('retries GET on 5xx and network errors, PATCH only on 429, and stops', () => {
    expect(retried('GET', 503)).toBe(true);
    expect(retried('GET', 'network')).toBe(true);
    expect(retried('GET', 404)).toBe(false);
    expect(retried('PATCH', 500)).toBe(false);
    expect(retried('PATCH', 'network')).toBe(false);
    expect(retried('PATCH', 429)).toBe(true);
    expect(retryPolicy('GET', Math.random, () => false).limit).toBe(MAX_ATTEMPTS - 1);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0, () => 1)).toBe(250);
    expect(backoffMs(3, () => 1)).toBe(2000);
    expect(backoffMs(10, () => 1)).toBe(4000);
    expect(backoffMs(3, () => 0.5)).toBe(1000);
  });
});
