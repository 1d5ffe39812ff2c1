/**
 * When a failed Etsy call is tried again. Only reads (GET) are retried after a 5xx or a
 * network failure: a PATCH may have been applied before the failure, and replaying an
 * edit blindly could overwrite what the seller changed meanwhile. A 429 is retried for
 * every method because Etsy refuses it before doing anything.
 */
export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 4000;

export type Outcome = { status: number } | { networkError: true };

export function isRetryable(method: string, outcome: Outcome, attempt: number): boolean {
  if (attempt + 1 >= MAX_ATTEMPTS) return false;
  if ('networkError' in outcome) return method === 'GET';
  if (outcome.status === 429) return true;
  return method === 'GET' && outcome.status >= 500;
}

/** "Full jitter" exponential backoff, so parallel retries don't arrive together. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}
