import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelStatus, testModel } from '@/lib/llm/status';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '@/lib/settings';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';

/** A minimal Ollama: /api/tags lists `installed`, /api/chat streams `reply` as NDJSON. */
function stubOllama(installed: string[] | 'down', reply = '{"reply":"OK"}') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      if (installed === 'down') throw new TypeError('Failed to fetch');
      const path = new URL(String(input)).pathname;
      if (path === '/api/tags') {
        return Response.json({ models: installed.map((name) => ({ name })) });
      }
      const frames = [
        { message: { role: 'assistant', content: reply }, done: false },
        { message: { role: 'assistant', content: '' }, done: true },
      ];
      return new Response(frames.map((f) => JSON.stringify(f)).join('\n') + '\n');
    }),
  );
}

const context = (changes: Partial<ModelSettings>) => ({
  settings: { ...DEFAULT_MODEL_SETTINGS, ...changes },
  openaiApiKey: null,
  extensionOrigin: `chrome-extension://${ID}/`,
});

describe('model status and connection test', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('Test connection round-trips a tiny prompt and reports the latency', async () => {
    stubOllama(['llama3.2:latest']);
    const result = await testModel(context({ provider: 'ollama' }));
    expect(result).toMatchObject({ engine: 'ollama', model: 'llama3.2', reply: '{"reply":"OK"}' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('the popup status is ready when the chosen model is installed', async () => {
    stubOllama(['llama3.2:latest']);
    expect(await modelStatus(context({ provider: 'ollama' }))).toEqual({
      engine: 'ollama',
      model: 'llama3.2',
      ready: true,
    });
  });

  it('the popup status says why the chosen model cannot answer', async () => {
    stubOllama(['mistral:latest']);
    expect(await modelStatus(context({ provider: 'ollama' }))).toMatchObject({
      engine: 'ollama',
      ready: false,
      error: { code: 'model-not-installed' },
    });
  });

  it('Automatic with nothing working reports offline rules and the first reason', async () => {
    stubOllama('down');
    expect(await modelStatus(context({ provider: 'auto' }))).toMatchObject({
      engine: 'offline',
      ready: false,
      error: { code: 'ollama-not-running' },
    });
  });

  it('Automatic asks no OpenAI-compatible server that wasn’t set up, but asks a keyless one that was', async () => {
    stubOllama('down');
    const asked = () =>
      vi
        .mocked(fetch)
        .mock.calls.map(
          ([input]) => new URL(input instanceof Request ? input.url : String(input)).origin,
        );
    await modelStatus(context({ provider: 'auto' }));
    expect(asked()).not.toContain('https://api.openai.com');

    await modelStatus(context({ provider: 'auto', openaiBaseUrl: 'http://localhost:1234/v1' }));
    expect(asked()).toContain('http://localhost:1234');
  });
});
