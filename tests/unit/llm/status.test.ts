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
      tried: [],
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

  it('Automatic with no model answering: the offline rules are ready, and each model tried says why not', async () => {
    stubOllama('down');
    const status = await modelStatus(context({ provider: 'auto' }));
    expect(status).toMatchObject({ engine: 'offline', ready: true });
    expect(status.error).toBeUndefined();
    expect(status.tried.map((t) => [t.engine, t.error.code])).toEqual([
      ['ollama', 'ollama-not-running'],
      ['builtin', 'builtin-unavailable'],
      ['openai', 'api-key-needed'],
    ]);
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
