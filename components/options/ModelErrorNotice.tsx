import { browser } from '#imports';
import { useState } from 'react';
import { ollamaOriginsValue } from '@/lib/llm/errors';
import type { UserError } from '@/lib/messaging/errors';
import { requestModelHostAccess } from './host-permission';

/** The OLLAMA_ORIGINS value to copy: the fallback when the automatic Origin fix can't apply. */
export function OllamaOriginsFix() {
  // getURL names the extension's real origin: moz-extension://<uuid> in Firefox.
  const value = `OLLAMA_ORIGINS=${ollamaOriginsValue(browser.runtime.getURL('/'))}`;
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

/**
 * Asks Chrome for access to a model server that refuses cross-origin requests: with it,
 * the background's requests no longer need the server's CORS consent.
 */
function HostAccessFix({ address, onGranted }: { address: string; onGranted: () => void }) {
  const [denied, setDenied] = useState(false);
  const allow = async () => {
    if (await requestModelHostAccess(address)) onGranted();
    else setDenied(true);
  };
  return (
    <div className="actions">
      <button type="button" className="button button--small" onClick={() => void allow()}>
        Allow access to {new URL(address).origin}
      </button>
      {denied ? <span>Access was not allowed.</span> : null}
    </div>
  );
}

interface Props {
  error: UserError;
  /** The OpenAI-compatible base URL the failed request went to. */
  endpoint: string;
  /** Runs the failed request again, e.g. once access is allowed. */
  onRetry: () => void;
}

/** A model error as the seller should see it: what happened, then what to do. */
export function ModelErrorNotice({ error, endpoint, onRetry }: Props) {
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
      {error.code === 'endpoint-refuses-extensions' ? (
        <HostAccessFix address={endpoint} onGranted={onRetry} />
      ) : null}
    </div>
  );
}
