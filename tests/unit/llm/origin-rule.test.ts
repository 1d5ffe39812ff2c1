import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ollamaHostInUse,
  ollamaOriginRule,
  syncOllamaOriginRule,
  withOllamaOriginRule,
} from '@/lib/llm/origin-rule';
import { DEFAULT_MODEL_SETTINGS } from '@/lib/settings';
import { fakeSessionRules } from './fake-session-rules';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const originsOf = (rules: { condition: { urlFilter?: string } }[]) =>
  rules.map((rule) => rule.condition.urlFilter ?? '').sort();

beforeEach(() => {
  fakeBrowser.runtime.id = ID;
});

describe('the Ollama Origin rule', () => {
  it('names Firefox’s page host as the initiator, not the add-on id (which isn’t a domain)', () => {
    const uuid = '6f1f8a36-54a4-4c43-9a4e-3f3a2d1c0b5e';
    fakeBrowser.runtime.id = 'etsy-seo-copilot@example.org';
    fakeBrowser.runtime.getURL = ((path: string) => `moz-extension://${uuid}/${path}`) as never;
    expect(ollamaOriginRule('http://localhost:11434').condition.initiatorDomains).toEqual([uuid]);
  });

  it('sets Origin to exactly the configured origin, only for this extension’s own fetches there', () => {
    expect(ollamaOriginRule('http://127.0.0.1:11434')).toMatchObject({
      action: {
        type: 'modifyHeaders',
        requestHeaders: [{ header: 'origin', operation: 'set', value: 'http://127.0.0.1:11434' }],
      },
      condition: {
        urlFilter: '|http://127.0.0.1:11434/',
        requestDomains: ['127.0.0.1'],
        initiatorDomains: [ID],
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

  it('testing a draft host never removes the saved host’s rule, and its own rule goes after', async () => {
    const rules = fakeSessionRules();
    await syncOllamaOriginRule({ ...DEFAULT_MODEL_SETTINGS, provider: 'ollama' });
    const saved = '|http://localhost:11434/';
    let during: string[] = [];
    await Promise.all([
      withOllamaOriginRule('http://192.168.1.9:11434', async () => {
        during = originsOf(rules.rules);
      }),
      withOllamaOriginRule('http://10.0.0.2:11434', async () => undefined),
      // The saved settings are read again meanwhile, as every suggestion run does.
      syncOllamaOriginRule({ ...DEFAULT_MODEL_SETTINGS, provider: 'auto' }),
    ]);
    expect(during).toContain('|http://192.168.1.9:11434/');
    expect(during).toContain(saved);
    for (const state of rules.history) expect(originsOf(state)).toContain(saved);
    expect(originsOf(rules.rules)).toEqual([saved]);
  });

  it('a draft that is the saved host adds no second rule, and removing Ollama removes them all', async () => {
    const rules = fakeSessionRules();
    await syncOllamaOriginRule({ ...DEFAULT_MODEL_SETTINGS, provider: 'ollama' });
    await withOllamaOriginRule('http://localhost:11434', async () => {
      expect(rules.rules).toHaveLength(1);
    });
    await syncOllamaOriginRule({ ...DEFAULT_MODEL_SETTINGS, provider: 'offline' });
    expect(rules.rules).toEqual([]);
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
