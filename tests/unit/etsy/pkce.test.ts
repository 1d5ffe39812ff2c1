import { describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createOAuthState } from '@/lib/etsy/pkce';

describe('PKCE', () => {
  it("matches Etsy's documented S256 test vector", async () => {
    expect(await codeChallengeS256('vvkdljkejllufrvbhgeiegrnvufrhvrffnkvcknjvfid')).toBe(
      'DSWlW2Abh-cf8CeLL8-g3hQ2WQyYdKyiu83u_s7nRhI',
    );
  });

  it('makes verifiers of 43–128 unreserved characters, different every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, createCodeVerifier));
    expect(verifiers.size).toBe(50);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
  });

  it('makes unguessable states', () => {
    expect(createOAuthState()).not.toBe(createOAuthState());
    expect(createOAuthState().length).toBeGreaterThanOrEqual(32);
  });
});
