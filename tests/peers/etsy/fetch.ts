import type { FakeEtsyApi } from './api';

/**
 * A `fetch` that answers from the fake Etsy in-process, so vitest can run the real
 * client against Etsy's wire format without sockets or certificates.
 */
export function fetchFromFake(api: FakeEtsyApi): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const response = api.respond({
      method: request.method,
      host: url.hostname,
      url,
      headers,
      body: await request.text(),
    });
    return new Response(response.status === 204 ? null : response.body, {
      status: response.status,
      headers: response.headers,
    });
  };
}
