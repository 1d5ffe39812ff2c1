import { useState } from 'react';
import { z } from 'zod';
import type { UserError } from '@/lib/messaging/errors';
import { call } from '@/lib/messaging/protocol';
import { engineInSentence } from '@/lib/llm/engine-names';
import { ollamaHostInUse } from '@/lib/llm/origin-rule';
import type { ModelTest } from '@/lib/llm/status-schema';
import { ModelSettingsSchema, type ModelSettings } from '@/lib/settings';
import { requestModelHostAccess } from './host-permission';
import { ModelErrorNotice } from './ModelErrorNotice';

const FIELD_LABELS: Record<string, string> = {
  ollamaHost: 'Ollama address',
  openaiBaseUrl: 'Endpoint base URL',
  temperature: 'Temperature',
  timeoutSeconds: 'Time limit',
  ollamaConcurrency: 'Ollama requests at once',
  openaiConcurrency: 'Endpoint requests at once',
  instructions: 'Your instructions',
};

/** Round-trips a tiny prompt with the settings as typed (saved or not) and shows the latency. */
/** `apiKey`: one typed for the endpoint and not saved yet (the saved key goes only to its own origin). */
export function ConnectionTest({ draft, apiKey }: { draft: ModelSettings; apiKey?: string }) {
  const [result, setResult] = useState<ModelTest | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [running, setRunning] = useState(false);
  // The address the last test went to: the draft may change while its error is shown.
  const [testedEndpoint, setTestedEndpoint] = useState(draft.openaiBaseUrl);

  const run = async () => {
    const parsed = ModelSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setResult(null);
      setError({
        source: 'settings',
        code: 'invalid-settings',
        message: `Fix these fields first. ${Object.entries(z.flattenError(parsed.error).fieldErrors)
          .map(([field, messages]) => `${FIELD_LABELS[field] ?? field}: ${messages.join(' ')}`)
          .join(' ')}`,
      });
      return;
    }
    // Ollama (also as the OpenAI-compatible address, through its /v1) needs host access: its
    // CORS answer names the rewritten Origin, not ours. Any other OpenAI-compatible endpoint is
    // asked for only if it refuses CORS (see ModelErrorNotice).
    const ollamaHost = ollamaHostInUse(parsed.data);
    if (ollamaHost && !(await requestModelHostAccess(ollamaHost).catch(() => false))) {
      setError({
        source: 'settings',
        code: 'host-denied',
        message: `Access to ${ollamaHost} was not allowed.`,
      });
      return;
    }
    setRunning(true);
    setResult(null);
    setError(null);
    setTestedEndpoint(parsed.data.openaiBaseUrl);
    const answer = await call('testModel', {
      settings: parsed.data,
      ...(apiKey?.trim() ? { apiKey: apiKey.trim() } : {}),
    });
    setRunning(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error);
  };

  return (
    <div className="field">
      <div className="actions">
        <button type="button" className="button" disabled={running} onClick={() => void run()}>
          {running ? 'Testing…' : 'Test connection'}
        </button>
        <span role="status" data-testid="connection-result">
          {result
            ? `Answered by ${engineInSentence(result.engine, result.model)} in ${result.latencyMs} ms.`
            : ''}
        </span>
      </div>
      {result?.notes.length ? (
        <ul className="fine-print" data-testid="connection-notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <ModelErrorNotice error={error} endpoint={testedEndpoint} onRetry={() => void run()} />
      ) : null}
    </div>
  );
}
