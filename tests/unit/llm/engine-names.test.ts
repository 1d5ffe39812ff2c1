import { describe, expect, it } from 'vitest';
import { engineInSentence, engineWithModel } from '@/lib/llm/engine-names';

describe('engine names', () => {
  it('name the model when there is one', () => {
    expect(engineWithModel('ollama', 'llama3.2')).toBe('Ollama (llama3.2)');
    expect(engineWithModel('builtin', null)).toBe('Chrome’s built-in model');
  });

  it('read as part of a sentence', () => {
    expect(engineInSentence('openai', 'gpt-4o-mini')).toBe(
      'the OpenAI-compatible endpoint (gpt-4o-mini)',
    );
    expect(engineInSentence('ollama', 'qwen3:8b')).toBe('Ollama (qwen3:8b)');
    expect(engineInSentence('offline')).toBe('the offline rules');
  });
});
