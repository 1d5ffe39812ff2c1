import { useState } from 'react';
import type { UserError } from '@/lib/messaging/errors';
import { call } from '@/lib/messaging/protocol';
import { EndpointUrlSchema } from '@/lib/settings';
import { ModelErrorNotice } from './ModelErrorNotice';

interface Props {
  engine: 'ollama' | 'openai';
  label: string;
  /** The server's address as typed (saved or not). */
  address: string;
  /** A key typed for this endpoint and not saved yet; the saved key goes only to its own origin. */
  apiKey?: string;
  value: string;
  onChange: (model: string) => void;
}

/** A model name, picked from the server's own list once loaded (typed by hand before). */
export function ModelPicker({ engine, label, address, apiKey, value, onChange }: Props) {
  const [models, setModels] = useState<string[] | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [loading, setLoading] = useState(false);
  // The address the last load went to: the draft may change while its error is shown.
  const [loadedFrom, setLoadedFrom] = useState(address);
  const id = `${engine}-model`;

  const load = async () => {
    const parsed = EndpointUrlSchema.safeParse(address);
    if (!parsed.success) {
      setModels(null);
      setError({
        source: 'settings',
        code: 'invalid-address',
        message: `Can’t load models from “${address}”: ${parsed.error.issues[0]?.message ?? 'the address is not valid'}.`,
      });
      return;
    }
    setLoading(true);
    setLoadedFrom(parsed.data);
    const answer = await call('listModels', {
      engine,
      address: parsed.data,
      ...(apiKey?.trim() ? { apiKey: apiKey.trim() } : {}),
    });
    setLoading(false);
    setError(answer.ok ? null : answer.error);
    setModels(answer.ok ? answer.value : null);
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {models ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {models.includes(value) ? null : (
            <option value={value}>{value} (not on the server)</option>
          )}
          {models.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--small"
          disabled={loading}
          onClick={() => void load()}
        >
          {loading ? 'Loading…' : 'Load models from the server'}
        </button>
        {models ? (
          <span data-testid={`${engine}-model-count`}>{models.length} models found</span>
        ) : null}
      </div>
      {error ? (
        <ModelErrorNotice error={error} endpoint={loadedFrom} onRetry={() => void load()} />
      ) : null}
    </div>
  );
}
