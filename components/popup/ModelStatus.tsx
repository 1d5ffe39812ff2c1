import { useEffect, useState } from 'react';
import { browser } from '#imports';
import type { ModelStatus as Status } from '@/lib/llm/status-schema';
import { request } from '@/lib/messaging/protocol';

const ENGINE_NAMES = {
  ollama: 'Ollama',
  openai: 'OpenAI-compatible endpoint',
  builtin: 'Chrome’s built-in model',
  offline: 'Offline rules',
};

/** One line for the popup: which model suggestions come from and whether it can answer now. */
export function ModelStatus() {
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void request('getModelStatus').then(setStatus);
  }, []);

  const fix = (
    <button type="button" className="link" onClick={() => browser.runtime.openOptionsPage()}>
      {status?.ready ? 'Model settings' : 'Fix it in settings'}
    </button>
  );
  if (!status) return <p data-testid="model-status">Checking the model…</p>;
  const name = `${ENGINE_NAMES[status.engine]}${status.model ? ` (${status.model})` : ''}`;
  return (
    <div data-testid="model-status" data-ready={status.ready}>
      <p className={status.ready ? 'badge--ok' : undefined}>
        {status.ready ? `${name} is ready.` : `${name}: not answering.`}
      </p>
      {status.error ? (
        <p className="notice notice--error">
          {status.error.message} {status.error.action}
        </p>
      ) : null}
      <p>{fix}</p>
    </div>
  );
}
