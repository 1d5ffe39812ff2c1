import type { ListingText } from '@/lib/listing';
import { guardedOffline, guardSuggestion } from '@/lib/guard';
import { checkListing, listingLanguage } from '@/lib/seo';
import type { ModelSettings } from '@/lib/settings';
import { startAnswerClock } from './answer-clock';
import { readCachedSuggestion, suggestionCacheKey, writeCachedSuggestion } from './cache';
import { engineInSentence } from './engine-names';
import { fail, ModelFailure } from './errors';
import { createFieldProgressReader, type FieldProgress } from './partial-json';
import { modelOutputJsonSchema } from './output-schema';
import { buildPrompt, fitsContext, PROMPT_VERSION } from './prompt';
import { chooseProvider, concurrencyFor, type ProviderContext } from './providers';
import type { RequestQueue } from './queue';
import { repairModelOutput } from './repair';
import type { ProgressEnvelope, SuggestResult, UnreadField } from './stream-protocol';

type SuggestProgress = Omit<ProgressEnvelope, 'type' | 'requestId'>;

export interface SuggestRun {
  listing: ListingText;
  /** Fields the editor couldn't read: the model neither sees them nor hears findings on them. */
  unread: readonly UnreadField[];
  refresh: boolean;
  signal: AbortSignal;
  onProgress: (progress: SuggestProgress) => void;
  onText: (delta: string) => void;
}

export interface SuggestEnvironment extends ProviderContext {
  queue: RequestQueue;
}

/** Thinking progress is sent at most this often; a model thinks in hundreds of pieces. */
const THINKING_PROGRESS_MS = 250;

function offlineResult(listing: ListingText, explanation?: string): SuggestResult {
  const { suggestion, notes } = guardedOffline(listing);
  return {
    engine: 'offline',
    model: null,
    suggestion,
    notes,
    fromCache: false,
    ...(explanation ? { explanation } : {}),
  };
}

function sameProgress(a: FieldProgress, b: FieldProgress): boolean {
  return (
    a.title === b.title &&
    a.tags === b.tags &&
    a.description === b.description &&
    a.tagsArrived === b.tagsArrived
  );
}

function endpointOf(engine: string, settings: ModelSettings): string {
  if (engine === 'ollama') return settings.ollamaHost;
  if (engine === 'openai') return settings.openaiBaseUrl;
  return '';
}

/**
 * One suggestion run: pick the provider, answer from the cache when nothing changed, else
 * wait for a queue slot, stream one structured answer (with a time limit), repair it to
 * Etsy's rules and cache it. Throws `ModelFailure` (seller-facing) or the abort reason.
 */
export async function runSuggestion(
  run: SuggestRun,
  env: SuggestEnvironment,
): Promise<SuggestResult> {
  const { listing, unread, signal, onProgress } = run;
  const { settings } = env;
  onProgress({ stage: 'choosing' });
  const choosing = chooseProvider(env, signal);
  // Neither depends on the provider: built while Automatic's probe is on the wire, they add
  // nothing to the time to first token.
  const messages = buildPrompt(
    listing,
    checkListing(listing, unread).findings,
    settings.instructions,
    unread,
  );
  const schema = modelOutputJsonSchema();
  const { provider, skipped } = await choosing;
  const skippedText = skipped
    .map((s) => `${engineInSentence(s.engine)}: ${s.error.message}`)
    .join(' ');
  if (!provider) {
    return offlineResult(
      listing,
      settings.provider === 'auto'
        ? `No model answered, so these come from the offline rules. ${skippedText}`.trim()
        : undefined,
    );
  }
  const explanation =
    settings.provider === 'auto'
      ? `Automatic used ${engineInSentence(provider.engine, provider.model)}.${skippedText ? ` Skipped: ${skippedText}` : ''}`
      : undefined;

  if (!fitsContext(messages)) fail('context-too-long');

  // Awaited only where needed: a refresh goes to the model without waiting for the hash.
  const keyPromise = suggestionCacheKey({
    listing,
    unread,
    engine: provider.engine,
    model: provider.model,
    endpoint: endpointOf(provider.engine, settings),
    temperature: settings.temperature,
    instructions: settings.instructions,
    promptVersion: PROMPT_VERSION,
  });
  keyPromise.catch(() => undefined); // still throws where awaited; never unhandled if a run ends early
  if (!run.refresh) {
    const cached = await readCachedSuggestion(await keyPromise);
    if (cached) return { ...cached, fromCache: true, ...(explanation ? { explanation } : {}) };
  }

  const identity = { engine: provider.engine, model: provider.model };
  const language = listingLanguage(listing);
  const text = await env.queue.run(
    provider.engine,
    concurrencyFor(provider.engine, settings),
    async () => {
      const clock = startAnswerClock(settings.timeoutSeconds * 1000);
      const reader = createFieldProgressReader();
      let last: FieldProgress = reader.push('');
      let thoughts = 0;
      let thinkingShownAt = 0;
      onProgress({ stage: 'generating', ...identity, fields: last });
      try {
        return await provider.generate({
          messages,
          schema,
          temperature: settings.temperature,
          // The detector's codes are BCP 47 primary tags; 'other'/'unknown' declare nothing.
          ...(language === 'other' || language === 'unknown' ? {} : { language }),
          signal: AbortSignal.any([signal, clock.signal]),
          onThinking: () => {
            clock.thought();
            thoughts++;
            if (Date.now() - thinkingShownAt >= THINKING_PROGRESS_MS) {
              thinkingShownAt = Date.now();
              onProgress({ stage: 'thinking', ...identity, thinking: thoughts });
            }
          },
          onText: (delta) => {
            clock.answered();
            run.onText(delta);
            const fields = reader.push(delta);
            if (!sameProgress(fields, last) || thinkingShownAt) {
              thinkingShownAt = 0;
              last = fields;
              onProgress({ stage: 'generating', ...identity, fields });
            }
          },
        });
      } catch (error) {
        if (clock.signal.aborted && !signal.aborted)
          fail('timed-out', { seconds: settings.timeoutSeconds });
        throw error;
      } finally {
        clock.stop();
      }
    },
    { signal, onQueued: (ahead) => onProgress({ stage: 'queued', ...identity, ahead }) },
  );

  const repaired = repairModelOutput(text, language);
  if (!repaired.ok) throw new ModelFailure(repaired.error);
  // The model is untrusted: its answer passes the same guardrails as the offline rules'.
  const guarded = guardSuggestion(listing, repaired.suggestion);
  const result: SuggestResult = {
    ...identity,
    suggestion: guarded.suggestion,
    notes: [...repaired.notes, ...guarded.notes],
    fromCache: false,
  };
  await writeCachedSuggestion(await keyPromise, result);
  return explanation ? { ...result, explanation } : result;
}
