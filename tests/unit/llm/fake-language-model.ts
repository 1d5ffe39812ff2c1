import type { BuiltinAvailability } from '@/lib/llm/providers/builtin';

/**
 * A small stand-in for Chrome's `LanguageModel` (Prompt API), as the explainer describes it
 * (webmachinelearning/prompt-api README, 2026-06 revision):
 * - availability(options) answers per declared input/output languages: a language the
 *   model can't serve makes it "unavailable";
 * - create() rejects with NotSupportedError for such a language, with NotAllowedError when
 *   the model is still "downloadable" and there is no user activation, and otherwise, if a
 *   download is needed, fires `downloadprogress` events (`loaded` from 0 to 1) on the
 *   monitor's target before resolving;
 * - promptStreaming() streams the answer, and rejects with QuotaExceededError when the input
 *   is over the session's input quota.
 */
export interface FakeLanguageModelOptions {
  availability: BuiltinAvailability;
  /** Languages the model serves (Chrome: en, ja, es for now; zh and ko are rejected). */
  languages?: string[];
  reply?: string;
  /** Characters of input a session accepts (stands in for tokens). */
  inputQuota?: number;
  /** Whether the page has user activation (a click) when create() runs. */
  userActivation?: boolean;
}

type Expected = { type: string; languages?: string[] }[] | undefined;

export class FakeLanguageModel {
  availabilityState: BuiltinAvailability;
  languages: string[];
  reply: string;
  inputQuota: number;
  userActivation: boolean;
  readonly availabilityCalls: unknown[] = [];
  readonly createCalls: Record<string, unknown>[] = [];
  readonly prompts: { input: string; options: unknown }[] = [];
  destroyed = 0;

  constructor(options: FakeLanguageModelOptions) {
    this.availabilityState = options.availability;
    this.languages = options.languages ?? ['en', 'ja', 'es'];
    this.reply = options.reply ?? '{}';
    this.inputQuota = options.inputQuota ?? 6000;
    this.userActivation = options.userActivation ?? true;
  }

  private serves(options: { expectedInputs?: Expected; expectedOutputs?: Expected } = {}) {
    const declared = [...(options.expectedInputs ?? []), ...(options.expectedOutputs ?? [])];
    return declared.every((e) => (e.languages ?? []).every((l) => this.languages.includes(l)));
  }

  availability = async (options?: { expectedInputs?: Expected; expectedOutputs?: Expected }) => {
    this.availabilityCalls.push(options);
    return this.serves(options) ? this.availabilityState : 'unavailable';
  };

  create = async (options: Record<string, unknown> = {}) => {
    this.createCalls.push(options);
    const signal = options.signal as AbortSignal | undefined;
    signal?.throwIfAborted();
    if (this.availabilityState === 'unavailable' || !this.serves(options)) {
      throw new DOMException(
        'The requested language options are not supported.',
        'NotSupportedError',
      );
    }
    if (this.availabilityState === 'downloadable' && !this.userActivation) {
      throw new DOMException('Requires user activation to download the model.', 'NotAllowedError');
    }
    if (this.availabilityState !== 'available') {
      const target = new EventTarget();
      (options.monitor as ((t: EventTarget) => void) | undefined)?.(target);
      this.availabilityState = 'downloading';
      for (const loaded of [0, 0.5, 1]) {
        await Promise.resolve();
        target.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
      }
      this.availabilityState = 'available';
    }
    return this.session();
  };

  private session() {
    return {
      promptStreaming: (input: string, options?: { signal?: AbortSignal }) => {
        this.prompts.push({ input, options });
        const reply = this.reply;
        const quota = this.inputQuota;
        return new ReadableStream<string>({
          start(controller) {
            if (input.length > quota) {
              controller.error(new DOMException('The input is too large.', 'QuotaExceededError'));
              return;
            }
            for (let at = 0; at < reply.length; at += 16)
              controller.enqueue(reply.slice(at, at + 16));
            controller.close();
          },
        });
      },
      destroy: () => void this.destroyed++,
    };
  }
}
