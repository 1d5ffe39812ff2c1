/**
 * PKCE (RFC 7636) pieces for Etsy's OAuth: Etsy requires S256 on every flow.
 * Uses Web Crypto, available in the service worker and in Node alike.
 */

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64Url(byteCount: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** 32 random bytes → 43 characters from [A-Za-z0-9_-], inside the 43–128 the spec allows. */
export function createCodeVerifier(): string {
  return randomBase64Url(32);
}

/** Unguessable, single-use value tying Etsy's redirect back to the request we made. */
export function createOAuthState(): string {
  return randomBase64Url(24);
}

export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
