import { browser } from '#imports';
import { useState } from 'react';
import { ollamaOriginsValue } from '@/lib/llm/errors';
import type { UserError } from '@/lib/messaging/errors';

/** The OLLAMA_ORIGINS value to copy: the fallback when the automatic Origin fix can't apply. */
export function OllamaOriginsFix() {
  const value = `OLLAMA_ORIGINS=${ollamaOriginsValue(browser.runtime.id)}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-row">
      <code data-testid="ollama-origins-value">{value}</code>
      <button
        type="button"
        className="button button--small"
        onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

/** A model error as the seller should see it: what happened, then what to do. */
export function ModelErrorNotice({ error }: { error: UserError }) {
  return (
    <div
      className="notice notice--error"
      role="alert"
      data-testid="model-error"
      data-code={error.code}
    >
      <p>{error.message}</p>
      {error.action ? <p data-testid="model-error-action">{error.action}</p> : null}
      {error.code === 'ollama-origin-forbidden' ? <OllamaOriginsFix /> : null}
    </div>
  );
}
