import ky, { HTTPError, type KyInstance } from 'ky';
import type { z } from 'zod';
import type { Clock } from './clock';
import { etsyErrorFromResponse, EtsyError } from './errors';
import { encodeListingUpdate, type EtsyEditableFields } from './listing-update';
import { apiKeyHeader, type EtsyApp } from './oauth';
import { MAX_RATE_WAIT_MS, RateLimiter, retryAfterMs } from './rate-limit';
import { bearerOf, retryPolicy } from './retry';
import { ServerErrorBackoff } from './server-error-backoff';
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
 * retries per `retry.ts`; ky does the retrying.
 */
export class EtsyClient {
  private readonly http: KyInstance;
  readonly limiter = new RateLimiter();
  private readonly serverErrors = new ServerErrorBackoff();

  constructor(private readonly deps: EtsyClientDeps) {
    this.http = ky.create({
      prefixUrl: API_BASE,
      fetch: deps.fetch,
      timeout: 25_000,
      hooks: { beforeRequest: [this.authorize], afterResponse: [this.learnLimits] },
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
    before: EtsyEditableFields,
    after: Partial<EtsyEditableFields>,
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
    try {
      const response = await this.http(call.path, {
        method: call.method,
        searchParams: call.query,
        body: call.form,
        headers: {
          'x-api-key': apiKeyHeader(app),
          ...(call.form
            ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }
            : {}),
        },
        retry: retryPolicy(call.method, this.deps.random ?? Math.random, this.tooLongToWait),
        hooks: {
          beforeRequest: [() => call.onRequest?.()],
          afterResponse: [
            async (request, _options, response) => {
              if (response.status !== 401 || renewedToken) return;
              const error = etsyErrorFromResponse(401, await response.text());
              if (error.kind !== 'invalid_token') return;
              // A rejected token means Etsy did nothing, so even a PATCH may be sent again.
              renewedToken = true;
              await this.deps.tokens.renewAfterRejection(bearerOf(request));
              return ky.retry({ delay: 0 });
            },
          ],
        },
      });
      return await this.parse(call, response);
    } catch (error) {
      throw await this.toEtsyError(error);
    }
  }

  /**
   * Every attempt waits until Chromium would send it (after Etsy's server errors), then for
   * the limiter, and carries the current token.
   */
  private readonly authorize = async (request: Request) => {
    const wait = this.serverErrors.waitMs(request.url, Date.now());
    if (wait > MAX_RATE_WAIT_MS) {
      throw new EtsyError(
        'server',
        `Etsy has been failing again and again. Try again in ${Math.ceil(wait / 60_000)} min.`,
      );
    }
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await this.limiter.acquire();
    request.headers.set('authorization', `Bearer ${await this.deps.tokens.current()}`);
  };

  private readonly learnLimits = (request: Request, _options: unknown, response: Response) => {
    this.serverErrors.observe(request.url, response.status, Date.now());
    this.limiter.observe(response.headers);
    // The limiter holds every request, not only this one, until retry-after has passed.
    if (response.status === 429) {
      this.limiter.pauseFor(retryAfterMs(response.headers, this.deps.clock.now()));
    }
  };

  private readonly tooLongToWait = (response: Response) =>
    retryAfterMs(response.headers, this.deps.clock.now()) > MAX_RATE_WAIT_MS;

  private async toEtsyError(error: unknown): Promise<EtsyError> {
    if (error instanceof EtsyError) return error;
    if (!(error instanceof HTTPError)) {
      return new EtsyError('network', 'Could not reach Etsy. Check your connection and try again.');
    }
    const { response } = error;
    if (response.status === 429 && this.tooLongToWait(response)) {
      const wait = retryAfterMs(response.headers, this.deps.clock.now());
      return new EtsyError(
        'rate_limited',
        `Etsy asks this app to wait ${Math.ceil(wait / 60_000)} min before more requests. Try again then.`,
        429,
      );
    }
    return etsyErrorFromResponse(response.status, await response.text().catch(() => ''));
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
