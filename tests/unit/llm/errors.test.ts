import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelError, userErrorFromModel, type ModelErrorCode } from '@/lib/llm/errors';
import { ollamaProvider } from '@/lib/llm/providers/ollama';
import { openAiProvider } from '@/lib/llm/providers/openai';

const ID = 'blgfogbpcdmhohalginmiifilfkhopig';
const CODES: ModelErrorCode[] = [
  'ollama-not-running',
  'ollama-origin-forbidden',
  'model-not-installed',
  'no-models-installed',
  'endpoint-unreachable',
  'endpoint-refuses-extensions',
  'timed-out',
  'bad-api-key',
  'api-key-needed',
  'rate-limited',
  'stream-error',
  'context-too-long',
  'answer-cut-off',
  'unusable-output',
  'builtin-unavailable',
  'endpoint-error',
];

describe('modelError', () => {
  it('gives every failure its own message and an action', () => {
    const errors = CODES.map((code) => modelError(code, { model: 'llama3.2' }));
    expect(new Set(errors.map((e) => e.message)).size).toBe(CODES.length);
    for (const error of errors) {
      expect(error.source).toBe('model');
      expect(error.action?.length).toBeGreaterThan(10);
    }
  });

  it('puts the exact OLLAMA_ORIGINS value in the 403 fix', () => {
    expect(
      modelError('ollama-origin-forbidden', { extensionOrigin: `chrome-extension://${ID}/` })
        .action,
    ).toContain(`OLLAMA_ORIGINS=chrome-extension://${ID} `);
  });

  it('names Firefox’s moz-extension origin in the 403 fix on Firefox', () => {
    const firefox = 'moz-extension://0b5ea4c2-6f0a-4c2e-9d44-5f1e9b3c7a10/';
    const action = modelError('ollama-origin-forbidden', { extensionOrigin: firefox }).action;
    expect(action).toContain(
      'OLLAMA_ORIGINS=moz-extension://0b5ea4c2-6f0a-4c2e-9d44-5f1e9b3c7a10 ',
    );
    expect(action).not.toContain('chrome-extension');
  });

  it('lists the installed models and the pull command for a missing model', () => {
    const error = modelError('model-not-installed', {
      model: 'llama3.2',
      installed: ['mistral:latest'],
    });
    expect(error.message).toContain('Installed: mistral:latest.');
    expect(error.action).toContain('ollama pull llama3.2');
  });
});

describe('userErrorFromModel', () => {
  it('maps a network failure to "unreachable" and a context overflow to its own error', () => {
    expect(userErrorFromModel(new TypeError('Failed to fetch'), { host: 'http://x' }).code).toBe(
      'endpoint-unreachable',
    );
    expect(userErrorFromModel(new Error('the input length exceeds the context length')).code).toBe(
      'context-too-long',
    );
    expect(userErrorFromModel(new Error('boom'))).toMatchObject({
      code: 'endpoint-error',
      message: expect.stringContaining('boom'),
    });
  });
});

/** 'cors-off': the server answers, but the browser withholds every answer but an opaque one. */
type Reply = { status: number; body: unknown } | 'network-down' | 'cors-off';

function stubFetch(replies: Record<string, Reply>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      const reply = replies[path];
      if (reply === 'cors-off' && init?.mode === 'no-cors') return new Response(null);
      if (!reply || reply === 'network-down' || reply === 'cors-off') {
        throw new TypeError('Failed to fetch');
      }
      return new Response(reply.body === '' ? '' : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

const request = () => ({
  messages: [{ role: 'user' as const, content: 'hi' }],
  schema: {},
  temperature: 0,
  signal: new AbortController().signal,
  onText: () => {},
});

describe('provider error mapping', () => {
  afterEach(() => vi.unstubAllGlobals());
  const ollama = ollamaProvider({
    host: 'http://localhost:11434',
    model: 'llama3.2',
    extensionOrigin: `chrome-extension://${ID}/`,
  });

  it.each<[string, Record<string, Reply>, string]>([
    ['Ollama not running', { '/api/chat': 'network-down' }, 'ollama-not-running'],
    ['an empty 403', { '/api/chat': { status: 403, body: '' } }, 'ollama-origin-forbidden'],
    [
      'a 404 for the model',
      {
        '/api/chat': {
          status: 404,
          body: { error: 'model "llama3.2" not found, try pulling it first' },
        },
        '/api/tags': { status: 200, body: { models: [{ name: 'mistral:latest' }] } },
      },
      'model-not-installed',
    ],
    [
      'a 404 with nothing installed',
      {
        '/api/chat': { status: 404, body: { error: 'model not found' } },
        '/api/tags': { status: 200, body: { models: [] } },
      },
      'no-models-installed',
    ],
    [
      'a context overflow',
      { '/api/chat': { status: 400, body: { error: 'input length exceeds the context length' } } },
      'context-too-long',
    ],
  ])('Ollama: %s', async (_, replies, code) => {
    stubFetch(replies);
    await expect(ollama.generate(request())).rejects.toMatchObject({ userError: { code } });
  });

  it.each<[string, Record<string, Reply>, string | null, string]>([
    [
      'a 401',
      { '/v1/chat/completions': { status: 401, body: { error: { message: 'bad key' } } } },
      'sk-x',
      'bad-api-key',
    ],
    ['unreachable', { '/v1/chat/completions': 'network-down' }, 'sk-x', 'endpoint-unreachable'],
    [
      'a server with CORS off',
      { '/v1/chat/completions': 'cors-off' },
      'sk-x',
      'endpoint-refuses-extensions',
    ],
    [
      'a context overflow',
      {
        '/v1/chat/completions': {
          status: 400,
          body: { error: { message: "This model's maximum context length is 8192 tokens" } },
        },
      },
      'sk-x',
      'context-too-long',
    ],
  ])('OpenAI-compatible: %s', async (_, replies, apiKey, code) => {
    stubFetch(replies);
    const openai = openAiProvider({
      baseUrl: 'https://api.example.com/v1',
      model: 'gpt-4o-mini',
      apiKey,
      refused: { list: async () => [], remember: async () => {} },
    });
    await expect(openai.generate(request())).rejects.toMatchObject({ userError: { code } });
  });
});
