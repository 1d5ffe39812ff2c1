import { ENGINE_NAMES } from './engine-names';
import { fail, ModelFailure, userErrorFromModel } from './errors';
import { chooseProvider, type ModelProvider, type ProviderContext } from './providers';
import type { ModelStatus, ModelTest } from './status-schema';

const PING_SCHEMA = {
  type: 'object',
  properties: { reply: { type: 'string' } },
  required: ['reply'],
};

/** What Ollama says about a thinking model, as the options page should say it. */
async function thinkingNote(provider: ModelProvider, signal: AbortSignal): Promise<string[]> {
  const traits = await provider.traits?.(signal).catch(() => null);
  if (!traits?.thinks) return [];
  return [
    traits.alwaysThinks
      ? `${provider.model} is a thinking model whose thinking can’t be turned off: answers take longer, and the panel shows its thinking as progress.`
      : `${provider.model} is a thinking model: the extension turns its thinking off so answers come sooner.`,
  ];
}

/** Sends a tiny prompt and times the whole round trip, the way a real run would go. */
export async function testModel(context: ProviderContext): Promise<ModelTest> {
  const started = performance.now();
  const signal = AbortSignal.timeout(context.settings.timeoutSeconds * 1000);
  const { provider, skipped } = await chooseProvider(context, signal);
  if (!provider) {
    if (skipped[0]) throw new ModelFailure(skipped[0].error);
    return {
      engine: 'offline',
      model: null,
      latencyMs: 0,
      reply: `${ENGINE_NAMES.offline} need no model.`,
      notes: [],
    };
  }
  try {
    const reply = await provider.generate({
      messages: [{ role: 'user', content: 'Reply with {"reply":"OK"} and nothing else.' }],
      schema: PING_SCHEMA,
      temperature: 0,
      signal,
      onText: () => {},
    });
    const latencyMs = Math.round(performance.now() - started);
    return {
      engine: provider.engine,
      model: provider.model,
      latencyMs,
      reply: reply.slice(0, 200),
      notes: [
        ...(await thinkingNote(provider, signal)),
        ...((await provider.adjustments?.()) ?? []),
      ],
    };
  } catch (error) {
    if (signal.aborted) fail('timed-out', { seconds: context.settings.timeoutSeconds });
    throw error;
  }
}

/**
 * Cheap readiness check (no generation): server up, model installed, key present. With
 * Automatic, whatever answers is ready — the offline rules when no model does — and the
 * models tried first say why they didn't.
 */
export async function modelStatus(context: ProviderContext): Promise<ModelStatus> {
  const signal = AbortSignal.timeout(10_000);
  try {
    const { provider, skipped } = await chooseProvider(context, signal);
    if (!provider) return { engine: 'offline', model: null, ready: true, tried: skipped };
    if (context.settings.provider !== 'auto') await provider.probe(signal);
    return { engine: provider.engine, model: provider.model, ready: true, tried: skipped };
  } catch (error) {
    const engine = context.settings.provider === 'auto' ? 'offline' : context.settings.provider;
    return {
      engine: engine as ModelStatus['engine'],
      model: null,
      ready: false,
      error: userErrorFromModel(error),
      tried: [],
    };
  }
}
