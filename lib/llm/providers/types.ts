import type { ChatMessage } from '../prompt';

export type EngineId = 'ollama' | 'openai' | 'builtin';

/** @internal exported for its unit test */
export interface GenerateRequest {
  messages: ChatMessage[];
  /** JSON Schema the answer must follow (structured output). */
  schema: Record<string, unknown>;
  temperature: number;
  signal: AbortSignal;
  /** Each piece of the answer as it streams in. */
  onText: (delta: string) => void;
  /** Each piece of a reasoning model's thinking, streamed before its answer. */
  onThinking?: (delta: string) => void;
  /** BCP 47 language of the listing, for models that declare their input languages. */
  language?: string;
}

/** What the options page can tell the seller about the chosen model before a run. */
export interface ModelTraits {
  /** The model thinks before answering by default (Ollama's "thinking" capability). */
  thinks: boolean;
  /** …and the extension can't turn that off (gpt-oss takes only levels). */
  alwaysThinks: boolean;
}

/** One model backend. Failures are thrown as `ModelFailure` with a seller-facing error. */
export interface ModelProvider {
  engine: EngineId;
  /** The model's name as the seller chose it, for "answered by …". */
  model: string;
  /** A cheap check that a request could succeed now (server up, model installed, key set). */
  probe(signal: AbortSignal): Promise<void>;
  /** Model names the server offers, for the options page's picker. */
  listModels(signal: AbortSignal): Promise<string[]>;
  /** Streams one answer; resolves with the whole text. */
  generate(request: GenerateRequest): Promise<string>;
  /** The chosen model's traits, where the server reports them (Ollama /api/show). */
  traits?(signal: AbortSignal): Promise<ModelTraits>;
  /** Things the provider learned about the model and adjusted for (e.g. a refused parameter). */
  adjustments?(): Promise<string[]>;
}

/** Chains the caller's signal into every fetch a client library makes. */
export function fetchWithSignal(signal: AbortSignal): typeof fetch {
  return (input, init) =>
    fetch(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal,
    });
}
