import { describe, expect, it } from 'vitest';
import { etsyErrorFromResponse, userErrorFromEtsy } from '@/lib/etsy/errors';

describe('Etsy error mapping', () => {
  it.each([
    'Shared secret is required in x-api-key header.',
    "Invalid API key: should be in the format 'keystring:shared_secret'.",
    'API key not found or not active, or incorrect shared secret for API key.',
  ])('quotes the 403 app-credential body "%s" and says what to fix', (body) => {
    const error = etsyErrorFromResponse(403, JSON.stringify({ error: body }));
    expect(error.kind).toBe('bad_app_credentials');
    expect(error.message).toBe(`Etsy says: ${body}`);
    expect(userErrorFromEtsy(error)).toMatchObject({
      source: 'etsy',
      action: expect.stringMatching(/Settings/),
    });
  });

  it('treats invalid_grant as reconnect needed', () => {
    const error = etsyErrorFromResponse(
      400,
      '{"error":"invalid_grant","error_description":"refresh_token is revoked"}',
    );
    expect(error.kind).toBe('reconnect_needed');
  });

  it('recognises an expired access token', () => {
    expect(
      etsyErrorFromResponse(
        401,
        '{"error":"invalid_token","error_description":"access token is expired"}',
      ).kind,
    ).toBe('invalid_token');
  });

  it('joins the array form into one readable message', () => {
    const error = etsyErrorFromResponse(
      400,
      JSON.stringify([
        { path: '/title/1', type: 'invalid_characters', message: 'contains invalid characters' },
        { path: '/tags', type: 'duplicate', message: 'You may not have duplicate tags.' },
      ]),
    );
    expect(error.message).toBe(
      'Etsy says: title/1: contains invalid characters; tags: You may not have duplicate tags.',
    );
  });

  it('handles bodies that are not JSON', () => {
    expect(etsyErrorFromResponse(502, '<html>Bad gateway</html>').kind).toBe('server');
    expect(etsyErrorFromResponse(404, '').message).toBe('Etsy could not find that.');
  });
});
