/** One HTTP exchange with the fake Etsy, independent of node:http so unit tests can drive it. */
export interface FakeRequest {
  method: string;
  host: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export function html(status: number, body: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

export function redirect(location: string): FakeResponse {
  return { status: 302, headers: { location }, body: '' };
}
