import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  builtinAvailability,
  builtinProvider,
  downloadBuiltinModel,
} from '@/lib/llm/providers/builtin';
import { FakeLanguageModel } from './fake-language-model';

const MESSAGES = [
  { role: 'system' as const, content: 'You are an Etsy SEO assistant.' },
  { role: 'user' as const, content: 'Suggest tags for a macrame wall hanging.' },
];

function useModel(model: FakeLanguageModel) {
  vi.stubGlobal('LanguageModel', model);
  return model;
}

function generate(changes: { language?: string } = {}) {
  let text = '';
  return builtinProvider()
    .generate({
      messages: MESSAGES,
      schema: { type: 'object' },
      temperature: 0.3,
      signal: AbortSignal.timeout(5000),
      onText: (delta) => void (text += delta),
      ...changes,
    })
    .then((whole) => ({ whole, text }));
}

describe('Chrome’s built-in model (with a fake LanguageModel)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports each availability state, and "unsupported" without the API', async () => {
    expect(await builtinAvailability()).toBe('unsupported');
    for (const state of ['unavailable', 'downloadable', 'downloading', 'available'] as const) {
      useModel(new FakeLanguageModel({ availability: state }));
      expect(await builtinAvailability()).toBe(state);
    }
  });

  it('declares the listing’s language for input and output', async () => {
    const model = useModel(new FakeLanguageModel({ availability: 'available', reply: '{"a":1}' }));
    expect(await generate({ language: 'es' })).toEqual({ whole: '{"a":1}', text: '{"a":1}' });
    const inputs = [{ type: 'text', languages: ['en', 'es'] }];
    const outputs = [{ type: 'text', languages: ['es'] }];
    expect(model.createCalls[0]).toMatchObject({
      expectedInputs: inputs,
      expectedOutputs: outputs,
    });
    expect(model.availabilityCalls.at(-1)).toMatchObject({ expectedInputs: inputs });
    expect(model.destroyed).toBe(1);
  });

  it('a language the model can’t serve is a clear error, not a raw exception', async () => {
    const model = useModel(new FakeLanguageModel({ availability: 'available' }));
    await expect(generate({ language: 'zh' })).rejects.toMatchObject({
      userError: { code: 'builtin-unavailable', message: expect.stringContaining('unavailable') },
    });
    // availability() already says so; create() refusing it (a race) is mapped the same way.
    model.availability = async () => 'available';
    await expect(generate({ language: 'zh' })).rejects.toMatchObject({
      userError: {
        code: 'builtin-unavailable',
        message: expect.stringContaining('can’t handle this request'),
      },
    });
  });

  it('a prompt over the input quota is "too long for the model’s context"', async () => {
    useModel(new FakeLanguageModel({ availability: 'available', inputQuota: 10 }));
    await expect(generate()).rejects.toMatchObject({ userError: { code: 'context-too-long' } });
  });

  it('is not used while downloadable or downloading', async () => {
    for (const state of ['downloadable', 'downloading'] as const) {
      useModel(new FakeLanguageModel({ availability: state }));
      await expect(generate()).rejects.toMatchObject({
        userError: { code: 'builtin-unavailable', message: expect.stringContaining(state) },
      });
    }
  });

  it('downloads from a click with progress, then is available', async () => {
    const model = useModel(new FakeLanguageModel({ availability: 'downloadable' }));
    const progress: number[] = [];
    await downloadBuiltinModel((fraction) => progress.push(fraction));
    expect(progress).toEqual([0, 0.5, 1]);
    expect(await builtinAvailability()).toBe('available');
    expect(model.destroyed).toBe(1);
  });

  it('a download without a click says to start it from Settings', async () => {
    useModel(new FakeLanguageModel({ availability: 'downloadable', userActivation: false }));
    await expect(downloadBuiltinModel(() => {})).rejects.toMatchObject({
      userError: {
        code: 'builtin-unavailable',
        message: expect.stringContaining('must be downloaded first'),
      },
    });
  });
});
