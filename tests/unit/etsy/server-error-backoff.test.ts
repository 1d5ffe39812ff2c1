import { describe, expect, it } from 'vitest';
import { ServerErrorBackoff } from '@/lib/etsy/server-error-backoff';

const LISTING = 'https://api.etsy.com/v3/application/listings/1234567890';
const T0 = 1_000_000;

function failures(backoff: ServerErrorBackoff, url: string, count: number, status = 503) {
  for (let i = 0; i < count; i++) backoff.observe(url, status, T0);
}

describe('ServerErrorBackoff keeps Chromium’s extension-throttling books', () => {
  it('lets two server errors pass, then holds 700 ms, growing 1.4× per failure', () => {
    const backoff = new ServerErrorBackoff();
    failures(backoff, LISTING, 2);
    expect(backoff.waitMs(LISTING, T0)).toBe(0);
    backoff.observe(LISTING, 503, T0);
    expect(backoff.waitMs(LISTING, T0)).toBe(700);
    backoff.observe(LISTING, 500, T0);
    expect(backoff.waitMs(LISTING, T0)).toBeCloseTo(980);
    expect(backoff.waitMs(LISTING, T0 + 980)).toBe(0);
  });

  it('counts only 500, 503 and 509, as Chromium does', () => {
    const backoff = new ServerErrorBackoff();
    failures(backoff, LISTING, 5, 502);
    failures(backoff, LISTING, 5, 504);
    expect(backoff.waitMs(LISTING, T0)).toBe(0);
    failures(backoff, LISTING, 3, 509);
    expect(backoff.waitMs(LISTING, T0)).toBe(700);
  });

  it('keeps one set of books per URL without its query', () => {
    const backoff = new ServerErrorBackoff();
    const page = 'https://api.etsy.com/v3/application/shops/1/listings';
    failures(backoff, `${page}?offset=0`, 3);
    expect(backoff.waitMs(`${page}?offset=100`, T0)).toBe(700);
    expect(backoff.waitMs(LISTING, T0)).toBe(0);
  });

  it('takes one failure off per success, and forgets a URL two minutes after its wait', () => {
    const backoff = new ServerErrorBackoff();
    failures(backoff, LISTING, 3);
    backoff.observe(LISTING, 200, T0 + 700);
    backoff.observe(LISTING, 503, T0 + 700);
    expect(backoff.waitMs(LISTING, T0 + 700)).toBe(700);
    const later = T0 + 1400 + 2 * 60_000 + 1;
    backoff.observe(LISTING, 503, later);
    expect(backoff.waitMs(LISTING, later)).toBe(0);
  });
});
