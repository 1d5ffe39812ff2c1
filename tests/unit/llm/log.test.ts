import { describe, expect, it } from 'vitest';
import { maskSecrets } from '@/lib/log';

describe('maskSecrets', () => {
  it('masks values under secret-looking keys at any depth', () => {
    expect(
      maskSecrets({
        apiKey: 'sk-1',
        nested: [{ Authorization: 'Bearer x', model: 'm' }],
        host: 'h',
      }),
    ).toEqual({ apiKey: '***', nested: [{ Authorization: '***', model: 'm' }], host: 'h' });
  });
});
