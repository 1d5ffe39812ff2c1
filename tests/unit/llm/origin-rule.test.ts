import { describe, expect, it } from 'vitest';
import { ollamaHostInUse, ollamaOriginRule } from '@/lib/llm/origin-rule';
import { DEFAULT_MODEL_SETTINGS } from '@/lib/settings';

describe('the Ollama Origin rule', () => {
  it('sets Origin to exactly the configured origin, only for the extension’s own fetches there', () => {
    expect(ollamaOriginRule('http://127.0.0.1:11434')).toMatchObject({
      action: {
        type: 'modifyHeaders',
        requestHeaders: [{ header: 'origin', operation: 'set', value: 'http://127.0.0.1:11434' }],
      },
      condition: {
        urlFilter: '|http://127.0.0.1:11434/',
        requestDomains: ['127.0.0.1'],
        tabIds: [-1],
        resourceTypes: ['xmlhttprequest'],
      },
    });
  });

  it('exists only while Ollama can be used', () => {
    expect(ollamaHostInUse({ ...DEFAULT_MODEL_SETTINGS, provider: 'auto' })).toBe(
      'http://localhost:11434',
    );
    expect(ollamaHostInUse({ ...DEFAULT_MODEL_SETTINGS, provider: 'ollama' })).toBe(
      'http://localhost:11434',
    );
    for (const provider of ['openai', 'builtin', 'offline'] as const) {
      expect(ollamaHostInUse({ ...DEFAULT_MODEL_SETTINGS, provider })).toBeNull();
    }
  });

  it('also covers an OpenAI-compatible address that is Ollama’s own /v1', () => {
    const openai = { ...DEFAULT_MODEL_SETTINGS, provider: 'openai' as const };
    expect(ollamaHostInUse({ ...openai, openaiBaseUrl: 'http://localhost:11434/v1' })).toBe(
      'http://localhost:11434',
    );
    expect(ollamaHostInUse({ ...openai, openaiBaseUrl: 'http://192.168.1.20:11434/v1' })).toBe(
      'http://192.168.1.20:11434',
    );
    expect(ollamaHostInUse({ ...openai, openaiBaseUrl: 'http://localhost:1234/v1' })).toBeNull();
  });
});
