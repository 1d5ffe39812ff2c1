import type { EngineId } from './providers/types';

type EngineName = EngineId | 'offline';

/** What the seller reads for each engine, the same in the popup, options, panel and shop page. */
export const ENGINE_NAMES: Record<EngineName, string> = {
  ollama: 'Ollama',
  openai: 'OpenAI-compatible endpoint',
  builtin: 'Chrome’s built-in model',
  offline: 'Offline rules',
};

/** "Ollama (llama3.2)"; just the engine when it has no model name. */
export function engineWithModel(engine: EngineName, model?: string | null): string {
  return model ? `${ENGINE_NAMES[engine]} (${model})` : ENGINE_NAMES[engine];
}

/** Inside a sentence: "Answered by the OpenAI-compatible endpoint", "… by Ollama". */
export function engineInSentence(engine: EngineName, model?: string | null): string {
  const name = engineWithModel(engine, model);
  if (engine === 'openai') return `the ${name}`;
  return engine === 'offline' ? `the ${name.toLowerCase()}` : name;
}
