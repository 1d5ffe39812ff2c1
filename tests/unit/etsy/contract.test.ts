import { beforeAll, describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, ETSY_SCOPES, TOKEN_URL } from '@/lib/etsy/oauth';
import type { RecordedRequest, RecordedResponse } from '../../peers/etsy/api';
import { makeListing } from '../../peers/etsy/data';
import { UPDATE_LISTING_FIELDS } from '../../peers/etsy/listings';
import { connectedClient } from './helpers';
import { checkValue, checkWireValue, findOperation, loadBaseline, type Spec } from './openapi';

const IDS = { shopId: 987654, listingId: 1234567890 };

/** Everything the client sends and the fake answers in one realistic session. */
async function recordSession() {
  const session = connectedClient({ expired: true });
  const { api, client } = session;
  for (let i = 0; i < 130; i++) {
    const listing = makeListing({ listing_id: 7_000_000 + i, title: `Listing ${i}` });
    api.listings.set(listing.listing_id, listing);
  }
  const me = await client.getMe(); // refreshes the expired token first
  await client.getShop(me.shop_id);
  await client.getListingsByShop(me.shop_id);
  await client.getListingsByShop(me.shop_id, 'draft');
  // The shop audit's pages: 100 at a time with each listing's photos.
  await client.getListingsPage(me.shop_id, 'active', 0);
  await client.getListingsPage(me.shop_id, 'active', 100);
  const listing = await client.getListing(IDS.listingId);
  await client.updateListing(IDS, listing, {
    title: 'Macrame Wall Hanging, Boho Decor & Handmade Tapestry',
    description: 'New description.\nSecond line.',
    tags: ['macrame', 'boho decor', 'wall art', "mom's gift"],
    materials: ['cotton rope', 'driftwood branch'],
  });
  await client.updateListing(IDS, listing, { tags: ['mug', 'mug'] }).catch(() => undefined);
  await client.getListing(999).catch(() => undefined);
  return session;
}

function problemsWithRequest(spec: Spec, request: RecordedRequest): string[] {
  const where = `${request.method} ${request.path}`;
  if (request.path === new URL(TOKEN_URL).pathname) {
    const form = new URLSearchParams(request.body);
    const allowed =
      form.get('grant_type') === 'refresh_token'
        ? ['grant_type', 'client_id', 'refresh_token']
        : ['grant_type', 'client_id', 'redirect_uri', 'code', 'code_verifier'];
    return [
      ...(request.method === 'POST' ? [] : [`${where}: token requests are POST`]),
      ...(request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')
        ? []
        : [`${where}: token body is not a form`]),
      ...[...form.keys()].filter((k) => !allowed.includes(k)).map((k) => `${where}: field ${k}`),
    ];
  }
  const found = findOperation(spec, request.method, request.path);
  if (!found) return [`${where}: no such operation in the spec`];
  const { operation, pathParams } = found;
  const problems: string[] = [];
  const parameters = operation.parameters ?? [];
  for (const [name, value] of Object.entries(pathParams)) {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    if (!parameter) problems.push(`${where}: undeclared path parameter ${name}`);
    else problems.push(...checkWireValue(spec, parameter.schema, value, `${where} {${name}}`));
  }
  const queryNames = request.queryEntries.map(([name]) => name);
  if (new Set(queryNames).size !== queryNames.length) problems.push(`${where}: repeated query key`);
  for (const [name, value] of request.queryEntries) {
    const parameter = parameters.find((p) => p.in === 'query' && p.name === name);
    if (!parameter) problems.push(`${where}: undeclared query parameter ${name}`);
    else problems.push(...checkWireValue(spec, parameter.schema, value, `${where} ?${name}`));
  }
  for (const parameter of parameters.filter((p) => p.in === 'query' && p.required)) {
    if (!queryNames.includes(parameter.name)) problems.push(`${where}: missing ${parameter.name}`);
  }
  if (!/^[^:]+:[^:]+$/.test(request.headers['x-api-key'] ?? '')) {
    problems.push(`${where}: x-api-key is not keystring:shared_secret`);
  }
  const needsOAuth = operation.security?.some((s) => 'oauth2' in s) ?? false;
  if (needsOAuth && !/^Bearer \d+\..+/.test(request.headers.authorization ?? '')) {
    problems.push(`${where}: needs Bearer <user_id>.<token>`);
  }
  const content = operation.requestBody?.content;
  if (!content) {
    if (request.body !== '') problems.push(`${where}: sends a body the spec doesn't take`);
    return problems;
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
  const body = content[type];
  if (!body) return [...problems, `${where}: content type ${type} not in ${Object.keys(content)}`];
  const form = new URLSearchParams(request.body);
  const keys = [...form.keys()];
  if (new Set(keys).size !== keys.length) problems.push(`${where}: repeated form key`);
  for (const [name, value] of form) {
    const property = body.schema.properties?.[name];
    if (!property) problems.push(`${where}: undeclared body field ${name}`);
    else problems.push(...checkWireValue(spec, property, value, `${where} body.${name}`));
  }
  return problems;
}

function problemsWithResponse(spec: Spec, response: RecordedResponse): string[] {
  const { request } = response;
  const where = `${request.method} ${request.path} → ${response.status}`;
  const found = findOperation(spec, request.method, request.path);
  if (!found || request.path === new URL(TOKEN_URL).pathname) return [];
  const body: unknown = JSON.parse(response.body);
  if (response.status === 200) {
    const schema = found.operation.responses['200']?.content?.['application/json']?.schema;
    if (!schema) return [`${where}: the spec has no 200 body`];
    return checkValue(spec, schema, body, where);
  }
  // Etsy's array form for validation errors is documented outside the spec (§5).
  if (Array.isArray(body)) return [];
  return checkValue(spec, { $ref: '#/components/schemas/ErrorSchema' }, body, where);
}

describe('contract with Etsy’s OpenAPI document (baseline.json)', () => {
  let spec: Spec;
  let session: Awaited<ReturnType<typeof recordSession>>;
  beforeAll(async () => {
    spec = loadBaseline();
    session = await recordSession();
  });

  it('the session exercised every operation the client uses', () => {
    const used = new Set(session.api.responses.map((r) => r.operationId));
    for (const id of ['getMe', 'getShop', 'getListingsByShop', 'getListing', 'updateListing']) {
      expect(used, id).toContain(id);
    }
    const ids = session.api.responses
      .map((r) => findOperation(spec, r.request.method, r.request.path)?.operation.operationId)
      .filter(Boolean);
    expect(new Set(ids)).toEqual(
      new Set(['getMe', 'getShop', 'getListingsByShop', 'getListing', 'updateListing']),
    );
  });

  it('every request the client sends matches the spec (method, path, query, body encoding)', () => {
    expect(session.api.requests.flatMap((r) => problemsWithRequest(spec, r))).toEqual([]);
  });

  it('every response the fake returns matches the spec’s component schemas', () => {
    expect(session.api.responses.flatMap((r) => problemsWithResponse(spec, r))).toEqual([]);
  });

  it('the shop audit pages with limit=100, offset and includes=Images, and gets images back', () => {
    const pages = session.api
      .callsTo('getListingsByShop')
      .filter((response) => response.request.query.includes !== undefined);
    expect(pages.map((response) => response.request.query)).toEqual([
      { state: 'active', limit: '100', offset: '0', includes: 'Images' },
      { state: 'active', limit: '100', offset: '100', includes: 'Images' },
    ]);
    const [first, second] = pages.map(
      (response) =>
        JSON.parse(response.body) as { count: number; results: { images?: unknown[] }[] },
    );
    const active = [...session.api.listings.values()].filter((l) => l.state === 'active').length;
    expect(active).toBeGreaterThan(100);
    expect(first!.count).toBe(active);
    expect(first!.results).toHaveLength(100);
    expect(second!.results).toHaveLength(active - 100);
    expect(first!.results.every((listing) => listing.images?.length === 1)).toBe(true);
  });

  it('updateListing sends lists as one comma-joined value and only changed fields', () => {
    const [patch] = session.api.callsTo('updateListing');
    const form = new URLSearchParams(patch!.request.body);
    expect([...form.keys()].sort()).toEqual(['description', 'materials', 'tags', 'title']);
    expect(form.get('tags')).toBe("macrame,boho decor,wall art,mom's gift");
    const properties = findOperation(spec, 'PATCH', patch!.request.path)!.operation.requestBody!
      .content['application/x-www-form-urlencoded']!.schema.properties!;
    expect(properties.tags!.type).toBe('array');
  });

  it('the fake accepts only fields the spec declares for updateListing', () => {
    const properties = findOperation(spec, 'PATCH', '/v3/application/shops/1/listings/2')!.operation
      .requestBody!.content['application/x-www-form-urlencoded']!.schema.properties!;
    for (const field of UPDATE_LISTING_FIELDS) expect(Object.keys(properties)).toContain(field);
  });

  it('the authorize URL and token URL are the spec’s, and the scopes exist', () => {
    const flow = spec.components.securitySchemes.oauth2!.flows!.authorizationCode! as {
      authorizationUrl: string;
      tokenUrl: string;
      scopes: Record<string, string>;
    };
    const url = new URL(
      buildAuthorizeUrl({
        clientId: 'k',
        redirectUri: 'https://x.chromiumapp.org/',
        state: 's',
        codeChallenge: 'c',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(flow.authorizationUrl);
    // Same service on Etsy's two hostnames (docs/etsy-api.md §1).
    expect(new URL(TOKEN_URL).pathname).toBe(new URL(flow.tokenUrl).pathname);
    for (const scope of ETSY_SCOPES) expect(Object.keys(flow.scopes)).toContain(scope);
    expect(url.searchParams.get('scope')).toBe('listings_r listings_w shops_r');
  });
});
