import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import {
  loadModelSettings,
  ModelSettingsSchema,
  modelSettings,
  type ModelSettings,
} from '@/lib/settings';
import { ENGINE_NAMES } from '@/lib/llm/engine-names';
import { ollamaHostInUse } from '@/lib/llm/origin-rule';
import { BuiltinModelStatus } from './BuiltinModelStatus';
import { ConnectionTest } from './ConnectionTest';
import { requestModelHostAccess } from './host-permission';
import { OllamaOriginsFix } from './ModelErrorNotice';
import { ModelPicker } from './ModelPicker';
import { OpenAiKeyField } from './OpenAiKeyField';

type FieldErrors = z.core.$ZodFlattenedError<ModelSettings>['fieldErrors'];
type NumberKey = 'temperature' | 'timeoutSeconds' | 'ollamaConcurrency' | 'openaiConcurrency';

const PROVIDERS: { value: ModelSettings['provider']; label: string }[] = [
  { value: 'auto', label: 'Automatic (first that works)' },
  { value: 'ollama', label: `${ENGINE_NAMES.ollama} on this computer` },
  { value: 'openai', label: ENGINE_NAMES.openai },
  { value: 'builtin', label: ENGINE_NAMES.builtin },
  { value: 'offline', label: `${ENGINE_NAMES.offline} only (no model)` },
];

export function ModelSettingsForm() {
  const [draft, setDraft] = useState<ModelSettings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  // An API key typed but not saved yet: tests of the endpoint use it, never the saved key.
  const [typedKey, setTypedKey] = useState('');

  useEffect(() => {
    void loadModelSettings().then(setDraft);
  }, []);

  if (!draft) return <p>Loading settings…</p>;

  const set = <K extends keyof ModelSettings>(key: K, value: ModelSettings[K]) => {
    setDraft({ ...draft, [key]: value });
    setStatus('');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ModelSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error).fieldErrors);
      setStatus('Not saved: fix the highlighted fields.');
      return;
    }
    // Ollama, or Ollama's own /v1 as the OpenAI-compatible address: the Origin rule needs access.
    const ollamaHost = ollamaHostInUse(parsed.data);
    if (ollamaHost && !(await requestModelHostAccess(ollamaHost))) {
      setStatus(`Not saved: the extension needs your permission to reach ${ollamaHost}.`);
      return;
    }
    await modelSettings.setValue(parsed.data);
    setDraft(parsed.data);
    setErrors({});
    setStatus('Saved.');
  };

  const fieldError = (key: keyof ModelSettings) =>
    errors[key] ? (
      <span className="field__error" id={`${key}-error`}>
        {errors[key][0]}
      </span>
    ) : null;

  const invalid = (key: keyof ModelSettings) => ({
    'aria-invalid': !!errors[key],
    'aria-describedby': errors[key] ? `${key}-error` : undefined,
  });

  const numberField = (key: NumberKey, label: string, min: number, max: number, step: number) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={Number.isNaN(draft[key]) ? '' : draft[key]}
        {...invalid(key)}
        onChange={(e) => set(key, e.target.valueAsNumber)}
      />
      {fieldError(key)}
    </label>
  );

  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="model-heading">
      <h2 id="model-heading" className="card__title">
        Suggestions model
      </h2>
      <label className="field">
        <span className="field__label">Provider</span>
        <select
          value={draft.provider}
          onChange={(e) => set('provider', e.target.value as ModelSettings['provider'])}
        >
          {PROVIDERS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>

      <h3 className="card__title">Ollama</h3>
      <label className="field">
        <span className="field__label">Ollama address</span>
        <input
          type="url"
          value={draft.ollamaHost}
          {...invalid('ollamaHost')}
          onChange={(e) => set('ollamaHost', e.target.value)}
        />
        {fieldError('ollamaHost')}
      </label>
      <ModelPicker
        engine="ollama"
        label="Ollama model"
        address={draft.ollamaHost}
        value={draft.ollamaModel}
        onChange={(model) => set('ollamaModel', model)}
      />
      {numberField('ollamaConcurrency', 'Ollama requests at once', 1, 8, 1)}
      <p className="fine-print">
        The extension sets the Origin header on its own requests to Ollama, so Ollama needs no
        setup. If Ollama still answers “403 Forbidden”, allow the extension yourself and restart
        Ollama:
      </p>
      <OllamaOriginsFix />

      <h3 className="card__title">{ENGINE_NAMES.openai}</h3>
      <label className="field">
        <span className="field__label">Endpoint base URL</span>
        <input
          type="url"
          value={draft.openaiBaseUrl}
          {...invalid('openaiBaseUrl')}
          onChange={(e) => set('openaiBaseUrl', e.target.value)}
        />
        {fieldError('openaiBaseUrl')}
      </label>
      <OpenAiKeyField address={draft.openaiBaseUrl} typed={typedKey} onType={setTypedKey} />
      <ModelPicker
        engine="openai"
        label="Endpoint model"
        address={draft.openaiBaseUrl}
        apiKey={typedKey}
        value={draft.openaiModel}
        onChange={(model) => set('openaiModel', model)}
      />
      {numberField('openaiConcurrency', 'Endpoint requests at once', 1, 8, 1)}

      <h3 className="card__title">{ENGINE_NAMES.builtin}</h3>
      <BuiltinModelStatus />

      <h3 className="card__title">Every model</h3>
      {numberField('temperature', 'Temperature', 0, 2, 0.1)}
      {numberField('timeoutSeconds', 'Time limit per answer (seconds)', 5, 600, 5)}
      <label className="field">
        <span className="field__label">
          Your instructions (shop voice, words to avoid, language)
        </span>
        <textarea
          rows={4}
          value={draft.instructions}
          {...invalid('instructions')}
          onChange={(e) => set('instructions', e.target.value)}
        />
        {fieldError('instructions')}
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={draft.debugLogging}
          onChange={(e) => set('debugLogging', e.target.checked)}
        />
        <span>Debug logging (off by default)</span>
      </label>
      <ConnectionTest draft={draft} apiKey={typedKey} />
      <div className="actions">
        <button type="submit" className="button button--primary">
          Save
        </button>
        <span role="status" data-testid="settings-status">
          {status}
        </span>
      </div>
    </form>
  );
}
