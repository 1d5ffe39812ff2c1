import { afterEach, describe, expect, it, vi } from 'vitest';
import { MACRAME_TAGS } from '../../peers/model-answers';
import { RequestQueue } from '@/lib/llm/queue';
import { runSuggestion, type SuggestRun } from '@/lib/llm/suggest';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '@/lib/settings';
import { FakeLanguageModel } from './fake-language-model';
import { answer, LISTING } from './fixtures';

// Real search phrases: the guardrails drop tags that share nothing with the listing.
const TAGS = MACRAME_TAGS;

function stubOllama(reply: string, thinking = '') {
  const chats: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input)).pathname;
      if (path === '/api/tags') return Response.json({ models: [{ name: 'llama3.2:latest' }] });
      chats.push(JSON.parse(String(init?.body)));
      const thoughts = [...thinking.matchAll(/.{1,20}/gs)].map(([piece]) => ({
        message: { role: 'assistant', content: '', thinking: piece },
        done: false,
      }));
      const frames = [
        ...thoughts,
        ...[...reply.matchAll(/.{1,20}/gs)].map(([piece]) => ({
          message: { role: 'assistant', content: piece },
          done: false,
        })),
      ];
      frames.push({ message: { role: 'assistant', content: '' }, done: true });
      return new Response(frames.map((f) => JSON.stringify(f)).join('\n') + '\n');
    }),
  );
  return chats;
}

function environment(changes: Partial<ModelSettings>) {
  return {
    settings: { ...DEFAULT_MODEL_SETTINGS, ...changes },
    openaiApiKey: null,
    extensionOrigin: 'chrome-extension://blgfogbpcdmhohalginmiifilfkhopig/',
    queue: new RequestQueue(),
  };
}

function run(changes: Partial<SuggestRun> = {}): SuggestRun & { progress: unknown[] } {
  const progress: unknown[] = [];
  return {
    listing: LISTING,
    unread: [],
    refresh: false,
    signal: new AbortController().signal,
    onProgress: (p) => progress.push(p),
    onText: () => {},
    progress,
    ...changes,
  };
}

describe('runSuggestion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells Chrome’s built-in model the listing’s language', async () => {
    const model = new FakeLanguageModel({
      availability: 'available',
      reply: answer(TAGS),
      languages: ['en', 'de'],
    });
    vi.stubGlobal('LanguageModel', model);
    const german = {
      ...LISTING,
      title: 'Makramee Wandbehang aus Baumwolle, handgemacht für das Wohnzimmer',
      tags: ['makramee', 'wandbehang boho', 'geschenk für mama'],
      description: 'Ein Wandbehang aus weicher Baumwolle, von Hand geknüpft.',
    };
    await runSuggestion(run({ listing: german }), environment({ provider: 'builtin' }));
    expect(model.createCalls[0]).toMatchObject({
      expectedInputs: [{ type: 'text', languages: ['en', 'de'] }],
      expectedOutputs: [{ type: 'text', languages: ['de'] }],
    });
  });

  it('asks once with structured output, then answers the same listing from the cache', async () => {
    const chats = stubOllama(answer(TAGS));
    const env = environment({ provider: 'ollama' });
    const first = run();
    const result = await runSuggestion(first, env);
    expect(result).toMatchObject({ engine: 'ollama', model: 'llama3.2', fromCache: false });
    expect(result.suggestion.tags).toHaveLength(13);
    expect(chats).toHaveLength(1);
    expect(chats[0]).toMatchObject({ stream: true, format: { type: 'object' } });
    expect(first.progress.at(-1)).toMatchObject({
      stage: 'generating',
      fields: { description: 'done' },
    });

    expect(await runSuggestion(run(), env)).toMatchObject({ fromCache: true });
    expect(chats).toHaveLength(1);
    expect(await runSuggestion(run({ refresh: true }), env)).toMatchObject({ fromCache: false });
    expect(chats).toHaveLength(2);
  });

  it('a field the editor couldn’t read reaches the model as null, with no findings on it', async () => {
    const chats = stubOllama(answer(TAGS));
    // The editor couldn't read the description: the listing carries it empty.
    const listing = { ...LISTING, description: '' };
    await runSuggestion(
      run({ listing, unread: ['description'] }),
      environment({ provider: 'ollama' }),
    );
    const [system, user] = (chats[0] as { messages: { content: string }[] }).messages;
    const seen = JSON.parse(/<listing>\n([\s\S]*?)\n<\/listing>/.exec(user!.content)![1]!);
    expect(seen).toMatchObject({ title: LISTING.title, description: null, tags: LISTING.tags });
    const findings = JSON.parse(/<findings>\n([\s\S]*?)\n<\/findings>/.exec(user!.content)![1]!);
    expect(findings.filter((f: { field: string }) => f.field === 'description')).toEqual([]);
    expect(system!.content).toContain('could not be read from Etsy’s editor');

    // Read, the same empty description is sent as the seller's and the checker flags it.
    await runSuggestion(run({ listing }), environment({ provider: 'ollama' }));
    const [, readUser] = (chats[1] as { messages: { content: string }[] }).messages;
    expect(readUser!.content).toContain('"description": ""');
    expect(readUser!.content).toMatch(/"field": "description"/);
  });

  it('a settings change misses the cache', async () => {
    const chats = stubOllama(answer(TAGS));
    await runSuggestion(run(), environment({ provider: 'ollama' }));
    await runSuggestion(run(), environment({ provider: 'ollama', temperature: 0.9 }));
    expect(chats).toHaveLength(2);
  });

  it('Automatic says which provider it used', async () => {
    stubOllama(answer(TAGS));
    const result = await runSuggestion(run(), environment({ provider: 'auto' }));
    expect(result.explanation).toMatch(/^Automatic used Ollama \(llama3\.2\)\.$/);
  });

  it('offline rules need no model', async () => {
    const chats = stubOllama('unused');
    const result = await runSuggestion(run(), environment({ provider: 'offline' }));
    expect(result).toMatchObject({ engine: 'offline', model: null });
    expect(result.suggestion.tags.length).toBeGreaterThan(0);
    expect(chats).toHaveLength(0);
  });

  it('an unusable answer is a clear error', async () => {
    stubOllama('I cannot help with that.');
    await expect(runSuggestion(run(), environment({ provider: 'ollama' }))).rejects.toMatchObject({
      userError: { code: 'unusable-output' },
    });
  });

  it('a model that thinks first reports its thinking as progress, and keeps it out of the answer', async () => {
    stubOllama(answer(TAGS), 'Let me consider the listing. '.repeat(10));
    const texts: string[] = [];
    const thinking = run({ onText: (delta) => texts.push(delta) });
    const result = await runSuggestion(
      thinking,
      environment({ provider: 'ollama', ollamaModel: 'gpt-oss:20b', instructions: 'thinking' }),
    );
    expect(thinking.progress).toContainEqual(
      expect.objectContaining({ stage: 'thinking', thinking: 1 }),
    );
    const stages = thinking.progress.map((p) => (p as { stage: string }).stage);
    expect(stages.indexOf('thinking')).toBeLessThan(stages.lastIndexOf('generating'));
    expect(texts.join('')).toBe(answer(TAGS));
    expect(result).toMatchObject({ engine: 'ollama' });
  });
});
