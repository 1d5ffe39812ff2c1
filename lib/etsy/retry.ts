import type { RetryOptions } from 'ky';
import { HTTPError } from 'ky';
import { EtsyError } from './errors';

/**
 * When a failed Etsy call is tried again. Only reads (GET) are retried after a 5xx or a
 * network failure: a PATCH may have been applied before the failure, and replaying an
 * edit blindly could overwrite what the seller changed meanwhile. A 429 is retried for
 * every method because Etsy refuses it before doing anything.
 * @internal exported for its unit test
 */
export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 4000;

export function retryPolicy(
  method: 'GET' | 'PATCH',
  random: () => number,
  tooLongToWait: (response: Response) => boolean,
): RetryOptions {
  return {
    limit: MAX_ATTEMPTS - 1,
    methods: ['get', 'patch'],
    statusCodes: [429],
    // ky waits no longer after a 429: the rate limiter holds every request until retry-after.
    afterStatusCodes: [429],
    maxRetryAfter: 0,
    // "Full jitter" exponential backoff, so parallel retries don't arrive together.
    delay: (attempt) => BASE_DELAY_MS * 2 ** (attempt - 1),
    jitter: (delay) => delay * random(),
    backoffLimit: MAX_DELAY_MS,
    retryOnTimeout: true,
    shouldRetry: ({ error }) => {
      // The limiter's own refusals (daily allowance, a long retry-after) are final.
      if (error instanceof EtsyError) return false;
      if (!(error instanceof HTTPError)) return method === 'GET';
      const { status } = error.response;
      if (status === 429) return tooLongToWait(error.response) ? false : undefined;
      return method === 'GET' && status >= 500;
    },
  };
}

/** The token a request carried, so the one Etsy rejected is the one renewed. */
export function bearerOf(request: Request): string {
  return (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
}
