import ky, { type KyInstance } from 'ky';
import type { z } from 'zod';
import type { Clock } from './clock';
import { etsyErrorFromResponse, EtsyError } from './errors';
import { encodeListingUpdate, type ListingText } from './listing-update';
import { apiKeyHeader, type EtsyApp } from './oauth';
import { MAX_RATE_WAIT_MS, RateLimiter, retryAfterMs } from './rate-limit';
import { backoffMs, isRetryable, type Outcome } from './retry';
import {
  ListingSchema,
  ListingsPageSchema,
  SelfSchema,
  ShopListingsPageSchema,
  ShopSchema,
  type EtsyListing,
  type ListingState,
} from './schemas';
import type { AccessTokenSource } from './tokens';

export const API_BASE = 'https://api.etsy.com/v3/';
const PAGE_SIZE = 100;
/** Etsy refuses offsets past this. */
const MAX_OFFSET = 12000;

export interface EtsyClientDeps {
  fetch: typeof fetch;
  clock: Clock;
  app: () => Promise<EtsyApp | null>;
  tokens: AccessTokenSource;
  limiter?: RateLimiter;
  random?: () => number;
}

interface Call<T> {
  method: 'GET' | 'PATCH';
  path: string;
  query?: Record<string, string | number>;
  form?: URLSearchParams;
  schema: z.ZodType<T>;
  /** Called for each HTTP request sent, retries included: the caller's call count. */
  onRequest?: () => void;
}

/**
 * Etsy Open API v3, as this extension uses it. Every call carries `x-api-key` and the
 * seller's bearer token, waits for the rate limiter, renews the token once on 401, and
 * retries per `retry.ts`.
 */
export class EtsyClient {
  private readonly http: KyInstance;
  readonly limiter: RateLimiter;

  constructor(private readonly deps: EtsyClientDeps) {
    this.limiter = deps.limiter ?? new RateLimiter(deps.clock);
    this.http = ky.create({
      prefixUrl: API_BASE,
      fetch: deps.fetch,
      retry: 0,
      throwHttpErrors: false,
      timeout: 25_000,
    });
  }

  getMe() {
    return this.send({ method: 'GET', path: 'application/users/me', schema: SelfSchema });
  }

  getShop(shopId: number) {
    return this.send({ method: 'GET', path: `application/shops/${shopId}`, schema: ShopSchema });
  }

  getListing(listingId: number) {
    return this.send({
      method: 'GET',
      path: `application/listings/${listingId}`,
      schema: ListingSchema,
    });
  }

  /** Every listing in one state, 100 per request. */
  async getListingsByShop(shopId: number, state: ListingState = 'active'): Promise<EtsyListing[]> {
    const listings: EtsyListing[] = [];
    for (let offset = 0; offset <= MAX_OFFSET; offset += PAGE_SIZE) {
      const page = await this.send({
        method: 'GET',
        path: `application/shops/${shopId}/listings`,
        query: { state, limit: PAGE_SIZE, offset },
        schema: ListingsPageSchema,
      });
      listings.push(...page.results);
      if (page.results.length < PAGE_SIZE || listings.length >= page.count) break;
    }
    return listings;
  }

  /** One page of one state, with each listing's photos: what the shop audit loads. */
  getListingsPage(shopId: number, state: ListingState, offset: number, onRequest?: () => void) {
    return this.send({
      method: 'GET',
      path: `application/shops/${shopId}/listings`,
      query: { state, limit: PAGE_SIZE, offset, includes: 'Images' },
      schema: ShopListingsPageSchema,
      onRequest,
    });
  }

  /** Sends only what changed; returns the listing as Etsy now has it (unchanged: no request). */
  async updateListing(
    ids: { shopId: number; listingId: number },
    before: ListingText,
    after: Partial<ListingText>,
  ): Promise<EtsyListing | null> {
    const form = encodeListingUpdate(before, after);
    if ([...form.keys()].length === 0) return null;
    return this.send({
      method: 'PATCH',
      path: `application/shops/${ids.shopId}/listings/${ids.listingId}`,
      form,
      schema: ListingSchema,
    });
  }

  private async send<T>(call: Call<T>): Promise<T> {
    const app = await this.deps.app();
    if (!app) {
      throw new EtsyError(
        'bad_app_credentials',
        'Your Etsy app is not set up yet.',
        undefined,
        'Enter your keystring and shared secret under “Etsy app” in Settings.',
      );
    }
    let renewedToken = false;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.acquire();
      const token = await this.deps.tokens.current();
      call.onRequest?.();
      let response: Response;
      try {
        response = await this.http(call.path, {
          method: call.method,
          searchParams: call.query,
          body: call.form,
          headers: {
            'x-api-key': apiKeyHeader(app),
            authorization: `Bearer ${token}`,
            ...(call.form
              ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }
              : {}),
          },
        });
      } catch {
        if (await this.backOff(call.method, { networkError: true }, attempt)) continue;
        throw new EtsyError(
          'network',
          'Could not reach Etsy. Check your connection and try again.',
        );
      }
      this.limiter.observe(response.headers);
      if (response.ok) return this.parse(call, response);

      const text = await response.text();
      const error = etsyErrorFromResponse(response.status, text);
      // A rejected token means Etsy did nothing, so even a PATCH may be sent again.
      if (error.kind === 'invalid_token' && !renewedToken) {
        renewedToken = true;
        await this.deps.tokens.renewAfterRejection(token);
        continue;
      }
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers, this.deps.clock.now());
        this.limiter.pauseFor(wait);
        if (wait > MAX_RATE_WAIT_MS) {
          throw new EtsyError(
            'rate_limited',
            `Etsy asks this app to wait ${Math.ceil(wait / 60_000)} min before more requests. Try again then.`,
            429,
          );
        }
      }
      if (await this.backOff(call.method, { status: response.status }, attempt)) continue;
      throw error;
    }
  }

  /** Waits before the next attempt when the policy allows one. */
  private async backOff(method: string, outcome: Outcome, attempt: number): Promise<boolean> {
    if (!isRetryable(method, outcome, attempt)) return false;
    // After a 429 the limiter already holds every request until retry-after.
    if (!('status' in outcome && outcome.status === 429)) {
      await this.deps.clock.sleep(backoffMs(attempt, this.deps.random));
    }
    return true;
  }

  private async parse<T>(call: Call<T>, response: Response): Promise<T> {
    const parsed = call.schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new EtsyError(
        'unexpected_response',
        `Etsy answered ${call.method} ${call.path} in an unexpected form. Try again later.`,
      );
    }
    return parsed.data;
  }
}
