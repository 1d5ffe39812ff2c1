import { useState } from 'react';
import type { UserError } from '@/lib/messaging/errors';
import { request } from '@/lib/messaging/protocol';
import type { ModelSettings } from '@/lib/settings';
import { ModelErrorNotice } from './ModelErrorNotice';

interface Props {
  engine: 'ollama' | 'openai';
  label: string;
  draft: ModelSettings;
  value: string;
  onChange: (model: string) => void;
}

/** A model name, picked from the server's own list once loaded (typed by hand before). */
export function ModelPicker({ engine, label, draft, value, onChange }: Props) {
  const [models, setModels] = useState<string[] | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [loading, setLoading] = useState(false);
  // The address the last load went to: the draft may change while its error is shown.
  const [loadedFrom, setLoadedFrom] = useState(draft.openaiBaseUrl);
  const id = `${engine}-model`;

  const load = async () => {
    setLoading(true);
    setLoadedFrom(draft.openaiBaseUrl);
    const answer = await request('listModels', { settings: draft, engine });
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
