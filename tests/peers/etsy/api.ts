import type { IncomingMessage, ServerResponse } from 'node:http';
import { makeShop, seedListings, SEED_SHOP_ID, SEED_USER_ID, type FakeListing } from './data';
import {
  DEFAULT_LIMITS,
  problemsAsObject,
  validateListingUpdate,
  type ListingLimits,
} from './listings';
import { FakeEtsyAuth, type AccessGrant } from './oauth';
import { generateShopListings, listingImage, type ShopOptions } from './shop';
import { json, type FakeRequest, type FakeResponse } from './wire';

/** The Etsy app a test registers; the fake accepts exactly these credentials. */
export interface FakeEtsyApp {
  keystring: string;
  sharedSecret: string;
}

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  /** Every value of every query parameter, to catch repeated keys. */
  queryEntries: [string, string][];
  headers: Record<string, string>;
  body: string;
  /** Epoch ms by the fake's clock. */
  at: number;
}

export interface RecordedResponse {
  request: RecordedRequest;
  /** The spec operation that answered, when one did. */
  operationId: string | null;
  status: number;
  body: string;
}

interface Operation {
  id: string;
  method: string;
  path: RegExp;
  /** OAuth scope the spec's `security` names; null = API key only. */
  scope: string | null;
  run(match: string[], request: FakeRequest, grant: AccessGrant | null): FakeResponse;
}

const SECOND_MS = 1000;
/** The spec's `includes` enum for getListingsByShop. */
const LISTING_INCLUDES = [
  'Shipping',
  'Images',
  'Shop',
  'User',
  'Translations',
  'Inventory',
  'Videos',
  'Personalization',
  'BuyerPrice',
];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * api.etsy.com: Etsy's wire format, gates first — the x-api-key check with Etsy's three
 * 403 bodies, then rate limits, then the Bearer check where the operation needs OAuth.
 */
export class FakeEtsyApi {
  readonly requests: RecordedRequest[] = [];
  readonly responses: RecordedResponse[] = [];
  app: FakeEtsyApp = { keystring: 'testkeystring0000000000', sharedSecret: 'testsharedsecret' };
  /** The fake's time; unit tests share their fake clock with it. */
  now: () => number = Date.now;
  readonly auth = new FakeEtsyAuth(
    () => this.app.keystring,
    SEED_USER_ID,
    () => this.now(),
  );
  users = new Map<number, { shopId: number }>([[SEED_USER_ID, { shopId: SEED_SHOP_ID }]]);
  shops = new Map([[SEED_SHOP_ID, makeShop(SEED_SHOP_ID, SEED_USER_ID, 'FakeCraftShop')]]);
  readonly listings = new Map<number, FakeListing>(
    seedListings().map((listing) => [listing.listing_id, listing]),
  );
  limits: ListingLimits = { ...DEFAULT_LIMITS };
  /** Validation failures in Etsy's array form instead of the object form. */
  arrayErrors = false;
  qps = 10;
  qpd = 10_000;
  private sentAt: number[] = [];
  private failures: { count: number; status: number } = { count: 0, status: 500 };
  private drops: { count: number; afterApplying: boolean; operationId: string | null } = {
    count: 0,
    afterApplying: false,
    operationId: null,
  };
  private opFailures: { count: number; status: number; operationId: string | null } = {
    count: 0,
    status: 500,
    operationId: null,
  };
  private delays = new Map<string, number>();
  /** How many times updateListing changed a listing (whatever answer the client got). */
  appliedUpdates = 0;
  /** Every application request waits a random time in this range, like Etsy over the internet. */
  latency: { minMs: number; maxMs: number } | null = null;
  /** getListingsByShop answers 500 for this state at this offset (a failing page), until cleared. */
  failingPage: { state: string; offset: number } | null = null;

  /** Fills the seller's shop with generated listings (see shop.ts); returns them. */
  stockShop(options: ShopOptions): FakeListing[] {
    const listings = generateShopListings(options);
    for (const listing of listings) this.listings.set(listing.listing_id, listing);
    return listings;
  }

  /** Application requests Etsy counted in the last second (its QPS window). */
  sentThisSecond(): number {
    const now = this.now();
    return this.sentAt.filter((at) => now - at < SECOND_MS).length;
  }
  get tokenRequests(): number {
    return this.auth.tokenRequests;
  }
  expireAccessTokens(): void {
    this.auth.expireAccessTokens();
  }
  revokeRefreshTokens(): void {
    this.auth.revokeRefreshTokens();
  }
  /** The next `count` application requests (after the key gate) fail with `status`. */
  failNext(count: number, status = 500): void {
    this.failures = { count, status };
  }
  /**
   * The next `count` application requests (optionally only those for `operationId`) lose
   * their connection: the socket is destroyed with no answer, like a connection reset.
   * `afterApplying`: the request is carried out first (a PATCH changes the listing) and
   * only the answer is lost. `dropNext(0)` stops dropping.
   */
  dropNext(count: number, options: { afterApplying?: boolean; operationId?: string } = {}): void {
    this.drops = {
      count,
      afterApplying: options.afterApplying ?? false,
      operationId: options.operationId ?? null,
    };
  }
  /**
   * Like `failNext`, for one operation only (e.g. 'updateListing'), recorded under that
   * operation id. `afterApplying`: the change is made, then the error is answered anyway.
   */
  failNextOf(
    operationId: string,
    count: number,
    status = 500,
    options: { afterApplying?: boolean } = {},
  ): void {
    this.opFailures = { count, status, operationId };
    this.opFailAfterApplying = options.afterApplying ?? false;
  }
  private opFailAfterApplying = false;
  private readonly arrived = new Map<string, number>();
  /** Answers for `operationId` wait `ms` first (the request is applied after the wait). */
  delay(operationId: string, ms: number): void {
    this.delays.set(operationId, ms);
  }
  /** Requests for `operationId` that have arrived, including any still held by `delay`. */
  arrivals(operationId: string): number {
    return this.arrived.get(operationId) ?? 0;
  }
  /** Application requests (not OAuth) matching an operation id, e.g. 'updateListing'. */
  callsTo(operationId: string): RecordedResponse[] {
    return this.responses.filter((response) => response.operationId === operationId);
  }

  /** Node adapter for the HTTPS server. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      host: (req.headers.host ?? '').replace(/:\d+$/, ''),
      url,
      headers,
      body,
    };
    const operationId = this.operationOf(request);
    if (operationId) this.arrived.set(operationId, this.arrivals(operationId) + 1);
    const wait = (operationId ? this.delays.get(operationId) : undefined) ?? 0;
    const latency =
      this.latency && url.pathname.startsWith('/v3/application/')
        ? this.latency.minMs + Math.random() * (this.latency.maxMs - this.latency.minMs)
        : 0;
    if (wait + latency > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait + latency));
    }
    const drop =
      this.drops.count > 0 &&
      url.pathname.startsWith('/v3/application/') &&
      (this.drops.operationId === null || this.drops.operationId === operationId);
    if (drop) {
      this.drops.count--;
      if (!this.drops.afterApplying) {
        req.socket.destroy();
        return;
      }
    }
    const response = this.respond(request);
    if (drop) {
      req.socket.destroy();
      return;
    }
    // While a drop is armed, no socket is reused, so the dropped request always arrives on
    // a fresh connection: Chromium silently resends a request whose reused keep-alive
    // connection resets, which would hide the fault from the extension.
    res.writeHead(
      response.status,
      this.drops.count > 0 ? { ...response.headers, connection: 'close' } : response.headers,
    );
    res.end(response.body);
  }

  /** Which spec operation a request is for, by method and path only. */
  private operationOf(request: FakeRequest): string | null {
    if (request.url.pathname === '/v3/application/openapi-ping') return 'ping';
    const operation = this.operations.find(
      (op) => op.method === request.method && op.path.test(request.url.pathname),
    );
    return operation?.id ?? null;
  }

  respond(request: FakeRequest): FakeResponse {
    const recorded: RecordedRequest = {
      method: request.method,
      host: request.host,
      path: request.url.pathname,
      query: Object.fromEntries(request.url.searchParams),
      queryEntries: [...request.url.searchParams],
      headers: request.headers,
      body: request.body,
      at: this.now(),
    };
    this.requests.push(recorded);
    const { response, operationId } = this.route(request);
    this.responses.push({
      request: recorded,
      operationId,
      status: response.status,
      body: response.body,
    });
    return response;
  }

  private route(request: FakeRequest): { response: FakeResponse; operationId: string | null } {
    const path = request.url.pathname;
    if (path === '/v3/public/oauth/token') {
      return { response: this.auth.tokenEndpoint(request), operationId: null };
    }
    if (!path.startsWith('/v3/application/')) {
      return { response: json(404, { error: 'Not found' }), operationId: null };
    }
    const keyError = this.checkApiKey(request.headers['x-api-key']);
    if (keyError) return { response: json(403, { error: keyError }), operationId: null };

    const limited = this.checkRateLimit();
    if (limited) return { response: limited, operationId: null };
    if (this.failures.count > 0) {
      this.failures.count--;
      const response =
        this.failures.status === 429
          ? json(429, { error: 'Too many requests' }, { 'retry-after': '2' })
          : json(this.failures.status, { error: 'Server Error' });
      return { response, operationId: null };
    }
    if (path === '/v3/application/openapi-ping') {
      return {
        response: this.withRateHeaders(json(200, { application_id: 1 })),
        operationId: 'ping',
      };
    }
    for (const operation of this.operations) {
      const match = operation.path.exec(path);
      if (!match || operation.method !== request.method) continue;
      const failHere = this.opFailures.count > 0 && this.opFailures.operationId === operation.id;
      if (failHere && !this.opFailAfterApplying) {
        this.opFailures.count--;
        return {
          response: json(this.opFailures.status, { error: 'Server Error' }),
          operationId: operation.id,
        };
      }
      let grant: AccessGrant | null = null;
      if (operation.scope) {
        const bearer = this.auth.bearer(request.headers.authorization);
        if (typeof bearer === 'string') {
          return {
            response: json(401, { error: 'invalid_token', error_description: bearer }),
            operationId: operation.id,
          };
        }
        if (!bearer.scopes.includes(operation.scope)) {
          return {
            response: json(403, {
              error: 'insufficient_scope',
              error_description: 'Insufficient scope',
            }),
            operationId: operation.id,
          };
        }
        grant = bearer;
      }
      const response = operation.run(match, request, grant);
      if (failHere) {
        this.opFailures.count--;
        return {
          response: json(this.opFailures.status, { error: 'Server Error' }),
          operationId: operation.id,
        };
      }
      return {
        response: response.status < 400 ? this.withRateHeaders(response) : response,
        operationId: operation.id,
      };
    }
    return { response: json(404, { error: 'Resource not found' }), operationId: null };
  }

  private readonly operations: Operation[] = [
    {
      id: 'getMe',
      method: 'GET',
      path: /^\/v3\/application\/users\/me$/,
      scope: 'shops_r',
      run: (_match, _request, grant) => {
        const user = this.users.get(grant!.userId);
        return json(200, { user_id: grant!.userId, shop_id: user?.shopId });
      },
    },
    {
      id: 'getShop',
      method: 'GET',
      path: /^\/v3\/application\/shops\/(\d+)$/,
      scope: null,
      run: ([, shopId]) => {
        const shop = this.shops.get(Number(shopId));
        return shop
          ? json(200, shop)
          : json(404, { error: `Could not find a Shop with shop_id = ${shopId}` });
      },
    },
    {
      id: 'getListingsByShop',
      method: 'GET',
      path: /^\/v3\/application\/shops\/(\d+)\/listings$/,
      scope: 'listings_r',
      run: ([, shopId], request) => this.listingsByShop(Number(shopId), request.url.searchParams),
    },
    {
      id: 'getListing',
      method: 'GET',
      path: /^\/v3\/application\/listings\/(\d+)$/,
      scope: null,
      run: ([, listingId]) => {
        const listing = this.listings.get(Number(listingId));
        return listing
          ? json(200, listing)
          : json(404, { error: `Listing with listing_id ${listingId} not found` });
      },
    },
    {
      id: 'updateListing',
      method: 'PATCH',
      path: /^\/v3\/application\/shops\/(\d+)\/listings\/(\d+)$/,
      scope: 'listings_w',
      run: ([, shopId, listingId], request, grant) =>
        this.updateListing(Number(shopId), Number(listingId), request, grant!),
    },
  ];

  private listingsByShop(shopId: number, query: URLSearchParams): FakeResponse {
    const state = query.get('state') ?? 'active';
    const limit = Number(query.get('limit') ?? 25);
    const offset = Number(query.get('offset') ?? 0);
    if (!['active', 'inactive', 'sold_out', 'draft', 'expired'].includes(state)) {
      return json(400, {
        error: `Expected parameter 'state' to be one of active, inactive, sold_out, draft, expired`,
      });
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return json(400, { error: 'Expected parameter "limit" to be an integer between 1 and 100' });
    }
    if (!Number.isInteger(offset) || offset < 0 || offset > 12000) {
      return json(400, {
        error: 'Expected parameter "offset" to be an integer between 0 and 12000',
      });
    }
    const includes = (query.get('includes') ?? '').split(',').filter(Boolean);
    const unknown = includes.find((name) => !LISTING_INCLUDES.includes(name));
    if (unknown) {
      return json(400, {
        error: `Expected parameter 'includes' to be one of ${LISTING_INCLUDES.join(', ')}`,
      });
    }
    if (this.failingPage?.state === state && this.failingPage.offset === offset) {
      return json(500, { error: 'Server Error' });
    }
    const all = [...this.listings.values()].filter(
      (listing) => listing.shop_id === shopId && listing.state === state,
    );
    const page = all.slice(offset, offset + limit);
    const results = includes.includes('Images')
      ? page.map((listing) => ({ ...listing, images: [listingImage(listing)] }))
      : page;
    return json(200, { count: all.length, results });
  }

  private updateListing(
    shopId: number,
    listingId: number,
    request: FakeRequest,
    grant: AccessGrant,
  ): FakeResponse {
    if (this.users.get(grant.userId)?.shopId !== shopId) {
      return json(403, { error: `User does not own Shop ${shopId}` });
    }
    const listing = this.listings.get(listingId);
    if (!listing || listing.shop_id !== shopId) {
      return json(404, { error: `Listing with listing_id ${listingId} not found` });
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return json(400, { error: 'Content-Type must be application/x-www-form-urlencoded' });
    }
    const result = validateListingUpdate(new URLSearchParams(request.body), this.limits);
    if ('problems' in result) {
      return json(400, this.arrayErrors ? result.problems : problemsAsObject(result.problems));
    }
    this.appliedUpdates++;
    Object.assign(listing, result.changes, {
      last_modified_timestamp: Math.floor(this.now() / 1000),
    });
    return json(200, listing);
  }

  private checkApiKey(value: string | undefined): string | null {
    if (!value || !/^[^:]+:[^:]+$/.test(value)) {
      if (value && !value.includes(':')) return 'Shared secret is required in x-api-key header.';
      return "Invalid API key: should be in the format 'keystring:shared_secret'.";
    }
    const [keystring, secret] = value.split(':');
    if (keystring !== this.app.keystring || secret !== this.app.sharedSecret) {
      return 'API key not found or not active, or incorrect shared secret for API key.';
    }
    return null;
  }

  /** QPS first, then QPD, as Etsy checks them. */
  private checkRateLimit(): FakeResponse | null {
    const now = this.now();
    this.sentAt = this.sentAt.filter((at) => now - at < DAY_MS);
    const lastSecond = this.sentAt.filter((at) => now - at < SECOND_MS);
    if (lastSecond.length >= this.qps) {
      const retryAfter = Math.max(1, Math.ceil((lastSecond[0]! + SECOND_MS - now) / SECOND_MS));
      return json(429, { error: 'Too many requests' }, { 'retry-after': String(retryAfter) });
    }
    if (this.sentAt.length >= this.qpd) {
      return json(429, { error: 'Too many requests' }, { 'retry-after': '3600' });
    }
    this.sentAt.push(now);
    return null;
  }

  private withRateHeaders(response: FakeResponse): FakeResponse {
    const remainingThisSecond = String(Math.max(0, this.qps - this.sentThisSecond()));
    response.headers = {
      ...response.headers,
      'x-limit-per-second': String(this.qps),
      // The docs spell it without the final "d"; client libraries read the full word.
      'x-remaining-this-second': remainingThisSecond,
      'x-remaining-this-secon': remainingThisSecond,
      'x-limit-per-day': String(this.qpd),
      'x-remaining-today': String(Math.max(0, this.qpd - this.sentAt.length)),
    };
    return response;
  }
}
