import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@/lib/llm/prompt';
import { ollamaProvider } from '@/lib/llm/providers/ollama';
import { openAiProvider } from '@/lib/llm/providers/openai';
import type { GenerateRequest } from '@/lib/llm/providers/types';
import { refusedParametersFor } from '@/lib/llm/refused-parameters';
import { OLLAMA_CONTEXT_OVERFLOW, startFakeOllama, type FakeOllama } from '../../peers/ollama';
import { CONTEXT_OVERFLOW_BODIES, startFakeOpenAi, type FakeOpenAi } from '../../peers/openai';

/**
 * The providers against the fake servers (tests/peers), which reproduce what the real
 * servers send: thinking, "length" endings, errors in each server's shape, keyless servers.
 */
const ANSWER = '{"reply":"OK, the answer in full"}';
const MESSAGES: ChatMessage[] = [{ role: 'user', content: 'Reply with {"reply":"OK"}.' }];
const ORIGIN = 'chrome-extension://blgfogbpcdmhohalginmiifilfkhopig/';

function request(changes: Partial<GenerateRequest> = {}) {
  const seen = { text: '', thinking: '' };
  const generateRequest: GenerateRequest = {
    messages: MESSAGES,
    schema: { type: 'object' },
    temperature: 0.3,
    signal: AbortSignal.timeout(10_000),
    onText: (delta) => void (seen.text += delta),
    onThinking: (delta) => void (seen.thinking += delta),
    ...changes,
  };
  return { generateRequest, seen };
}

describe('Ollama provider against the fake Ollama', () => {
  let server: Awaited<ReturnType<typeof startFakeOllama>>;
  let ollama: FakeOllama;
  const provider = (model: string) =>
    ollamaProvider({ host: `http://127.0.0.1:${server.port}`, model, extensionOrigin: ORIGIN });

  beforeAll(async () => {
    server = await startFakeOllama();
    ollama = server.ollama;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    ollama.chats.length = 0;
    ollama.models = [
      { name: 'llama3.2:latest' },
      { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'], family: 'qwen3' },
      { name: 'gpt-oss:20b', capabilities: ['completion', 'tools', 'thinking'], family: 'gptoss' },
    ];
    ollama.script = {
      reply: () => ANSWER,
      chunkSize: 6,
      chunkDelayMs: 0,
      thinking: 'The seller wants a short reply. I will answer OK.',
    };
  });

  it('turns a thinking model’s thinking off, so only the answer streams', async () => {
    const { generateRequest, seen } = request();
    expect(await provider('qwen3:8b').generate(generateRequest)).toBe(ANSWER);
    expect(ollama.chats[0]!.body).toMatchObject({ think: false });
    expect(seen.thinking).toBe('');
  });

  it('asks a non-thinking model not to think, which Ollama accepts', async () => {
    const { generateRequest } = request();
    expect(await provider('llama3.2').generate(generateRequest)).toBe(ANSWER);
    expect(ollama.chats[0]!.body).toMatchObject({ think: false });
  });

  it('streams the thinking of a model that can’t stop thinking, with room for it in num_ctx', async () => {
    const { generateRequest, seen } = request();
    expect(await provider('gpt-oss:20b').generate(generateRequest)).toBe(ANSWER);
    expect(seen.thinking).toBe(ollama.script.thinking);
    expect(seen.text).toBe(ANSWER);
    expect(ollama.chats[0]!.body).toMatchObject({ think: 'low', options: { num_ctx: 16384 } });
  });

  it('reports which models think, and whether that can be turned off', async () => {
    const signal = AbortSignal.timeout(5000);
    expect(await provider('qwen3:8b').traits!(signal)).toEqual({
      thinks: true,
      alwaysThinks: false,
    });
    expect(await provider('gpt-oss:20b').traits!(signal)).toEqual({
      thinks: true,
      alwaysThinks: true,
    });
    expect(await provider('llama3.2').traits!(signal)).toEqual({
      thinks: false,
      alwaysThinks: false,
    });
  });

  it('a "length" ending is a cut-off answer, not a finished one', async () => {
    ollama.script = { ...ollama.script, doneReason: 'length' };
    await expect(provider('llama3.2').generate(request().generateRequest)).rejects.toMatchObject({
      userError: {
        code: 'answer-cut-off',
        message: expect.stringMatching(/^The answer was cut off/),
      },
    });
  });

  it('a stream without its final done line is a stream error', async () => {
    ollama.script = { ...ollama.script, omitDone: true };
    await expect(provider('llama3.2').generate(request().generateRequest)).rejects.toMatchObject({
      userError: { code: 'stream-error' },
    });
  });

  it('an error line mid-stream is a stream error with Ollama’s words', async () => {
    ollama.script = { ...ollama.script, failAfterChunks: 2 };
    await expect(provider('llama3.2').generate(request().generateRequest)).rejects.toMatchObject({
      userError: { code: 'stream-error', message: expect.stringContaining('unexpected EOF') },
    });
  });

  it('Ollama’s context-overflow wording is a too-long listing', async () => {
    ollama.script = {
      ...ollama.script,
      rejectWith: { status: 400, error: OLLAMA_CONTEXT_OVERFLOW },
    };
    await expect(provider('llama3.2').generate(request().generateRequest)).rejects.toMatchObject({
      userError: { code: 'context-too-long' },
    });
  });

  describe('through Ollama’s OpenAI-compatible /v1', () => {
    const viaV1 = (model: string) =>
      openAiProvider({
        baseUrl: `http://127.0.0.1:${server.port}/v1`,
        model,
        apiKey: null,
        refused: refusedParametersFor(`http://127.0.0.1:${server.port}/v1`, model),
      });

    it('needs no key, and streams `reasoning` as thinking', async () => {
      const { generateRequest, seen } = request();
      expect(await viaV1('gpt-oss:20b').generate(generateRequest)).toBe(ANSWER);
      expect(seen.thinking).toBe(ollama.script.thinking);
    });

    it('an error written without `data:` once streaming started is a stream error', async () => {
      ollama.script = { ...ollama.script, failAfterChunks: 3 };
      await expect(viaV1('llama3.2').generate(request().generateRequest)).rejects.toMatchObject({
        userError: { code: 'stream-error', message: expect.stringContaining('unexpected EOF') },
      });
    });

    it('finish_reason "length" is a cut-off answer', async () => {
      ollama.script = { ...ollama.script, doneReason: 'length' };
      await expect(viaV1('llama3.2').generate(request().generateRequest)).rejects.toMatchObject({
        userError: { code: 'answer-cut-off' },
      });
    });
  });
});

describe('OpenAI-compatible provider against the fake server', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAi>>;
  let openai: FakeOpenAi;
  const provider = (model = 'gpt-4o-mini', apiKey: string | null = 'sk-test-right') =>
    openAiProvider({
      baseUrl: server.baseUrl,
      model,
      apiKey,
      refused: refusedParametersFor(server.baseUrl, model),
    });

  beforeAll(async () => {
    server = await startFakeOpenAi();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    openai = Object.assign(server.openai, {
      apiKey: 'sk-test-right',
      models: ['gpt-4o-mini', 'gpt-5-mini', 'qwen3-8b'],
      reply: () => ANSWER,
      chunkSize: 5,
      reasoning: '',
      reasoningField: 'reasoning_content',
      finishReason: 'stop',
      failAfterChunks: undefined,
      midStreamError: 'object',
      omitDone: false,
      refusesTemperature: [],
      rateLimitRetryAfter: null,
      contextOverflow: null,
    });
    openai.completions.length = 0;
  });

  it('a server without a key (LM Studio, llama.cpp) is used without one, and gets no Authorization', async () => {
    openai.apiKey = null;
    expect(await provider('qwen3-8b', null).generate(request().generateRequest)).toBe(ANSWER);
    expect(await provider('qwen3-8b', null).listModels(AbortSignal.timeout(5000))).toContain(
      'qwen3-8b',
    );
    expect(openai.completions[0]!.authorization).toBeUndefined();
  });

  it('a server that wants a key, when none is saved, says it needs one', async () => {
    await expect(
      provider('gpt-4o-mini', null).probe(AbortSignal.timeout(5000)),
    ).rejects.toMatchObject({
      userError: { code: 'api-key-needed', message: expect.stringContaining('needs an API key') },
    });
  });

  it('reasoning deltas are thinking; the role-only and usage chunks add nothing to the answer', async () => {
    for (const field of ['reasoning_content', 'reasoning'] as const) {
      openai.reasoning = 'Thinking about tags first.';
      openai.reasoningField = field;
      const { generateRequest, seen } = request();
      expect(await provider('qwen3-8b').generate(generateRequest)).toBe(ANSWER);
      expect(seen.thinking).toBe('Thinking about tags first.');
    }
  });

  it('finish_reason "length" is a cut-off answer', async () => {
    openai.finishReason = 'length';
    await expect(provider().generate(request().generateRequest)).rejects.toMatchObject({
      userError: { code: 'answer-cut-off' },
    });
  });

  it.each(['object', 'string'] as const)(
    'an %s `error` mid-stream is a stream error',
    async (shape) => {
      openai.failAfterChunks = 2;
      openai.midStreamError = shape;
      await expect(provider().generate(request().generateRequest)).rejects.toMatchObject({
        userError: {
          code: 'stream-error',
          message: expect.stringContaining(
            shape === 'string' ? 'upstream model crashed' : 'The server had an error',
          ),
        },
      });
    },
  );

  it('a stream that ends without [DONE] is a stream error, not a finished answer', async () => {
    openai.omitDone = true;
    openai.finishReason = 'stop';
    await expect(provider().generate(request().generateRequest)).rejects.toMatchObject({
      userError: { code: 'stream-error', message: expect.stringContaining('ended before') },
    });
  });

  it('a model that refuses temperature is asked again without it, and that is remembered', async () => {
    openai.refusesTemperature = ['gpt-5-mini'];
    const gpt5 = provider('gpt-5-mini');
    expect(await gpt5.generate(request({ temperature: 0 }).generateRequest)).toBe(ANSWER);
    expect(openai.completions.map((c) => 'temperature' in c.body)).toEqual([true, false]);
    expect(await gpt5.adjustments!()).toEqual([
      'gpt-5-mini accepts only its default temperature, so the extension no longer sends one to it.',
    ]);

    expect(await provider('gpt-5-mini').generate(request().generateRequest)).toBe(ANSWER);
    expect(openai.completions).toHaveLength(3);
    expect('temperature' in openai.completions[2]!.body).toBe(false);
    // Other models still get the seller's temperature.
    await provider('gpt-4o-mini').generate(request().generateRequest);
    expect(openai.completions[3]!.body.temperature).toBe(0.3);
  });

  it('a 429 says to wait as long as Retry-After asks', async () => {
    openai.rateLimitRetryAfter = 20;
    await expect(provider().generate(request().generateRequest)).rejects.toMatchObject({
      userError: { code: 'rate-limited', message: expect.stringContaining('wait 20 seconds') },
    });
  });

  it.each(Object.keys(CONTEXT_OVERFLOW_BODIES) as (keyof typeof CONTEXT_OVERFLOW_BODIES)[])(
    '%s’s context-overflow wording is a too-long listing',
    async (flavour) => {
      openai.contextOverflow = flavour;
      await expect(provider().generate(request().generateRequest)).rejects.toMatchObject({
        userError: { code: 'context-too-long' },
      });
    },
  );
});
