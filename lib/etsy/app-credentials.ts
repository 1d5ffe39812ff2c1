import ky from 'ky';
import { etsyErrorFromResponse, EtsyError } from './errors';
import { API_BASE } from './client';
import { apiKeyHeader, type EtsyApp } from './oauth';

/**
 * Asks Etsy whether it knows this keystring + shared secret (`openapi-ping`, key only),
 * so a typo shows up in the options page, not halfway through connecting.
 */
export async function checkAppCredentials(fetchImpl: typeof fetch, app: EtsyApp): Promise<void> {
  let response: Response;
  try {
    response = await ky.get(`${API_BASE}application/openapi-ping`, {
      fetch: fetchImpl,
      headers: { 'x-api-key': apiKeyHeader(app) },
      retry: 0,
      throwHttpErrors: false,
    });
  } catch {
    throw new EtsyError('network', 'Could not reach Etsy to check the app. Try again.');
  }
  if (!response.ok) throw etsyErrorFromResponse(response.status, await response.text());
}
