import { useEffect, useState, type FormEvent } from 'react';
import {
  loadModelSettings,
  ModelSettingsSchema,
  modelSettings,
  type ModelSettings,
} from '@/lib/settings';

type FieldErrors = Partial<Record<keyof ModelSettings, string>>;

const PROVIDERS: { value: ModelSettings['provider']; label: string }[] = [
  { value: 'auto', label: 'Automatic (first that works)' },
  { value: 'ollama', label: 'Ollama on this computer' },
  { value: 'openai', label: 'OpenAI-compatible endpoint' },
  { value: 'builtin', label: 'Chrome’s built-in model' },
  { value: 'offline', label: 'Offline rules only (no model)' },
];

export function ModelSettingsForm() {
  const [draft, setDraft] = useState<ModelSettings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');

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
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof ModelSettings;
        next[key] ??= issue.message;
      }
      setErrors(next);
      setStatus('Not saved: fix the highlighted fields.');
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
        {errors[key]}
      </span>
    ) : null;

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
      <label className="field">
        <span className="field__label">Ollama address</span>
        <input
          type="url"
          value={draft.ollamaHost}
          aria-invalid={!!errors.ollamaHost}
          aria-describedby={errors.ollamaHost ? 'ollamaHost-error' : undefined}
          onChange={(e) => set('ollamaHost', e.target.value)}
        />
        {fieldError('ollamaHost')}
      </label>
      <label className="field">
        <span className="field__label">Ollama model</span>
        <input value={draft.ollamaModel} onChange={(e) => set('ollamaModel', e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Temperature</span>
        <input
          type="number"
          min={0}
          max={2}
          step={0.1}
          value={draft.temperature}
          aria-invalid={!!errors.temperature}
          aria-describedby={errors.temperature ? 'temperature-error' : undefined}
          onChange={(e) => set('temperature', e.target.valueAsNumber)}
        />
        {fieldError('temperature')}
      </label>
      <label className="field">
        <span className="field__label">
          Your instructions (shop voice, words to avoid, language)
        </span>
        <textarea
          rows={4}
          value={draft.instructions}
          onChange={(e) => set('instructions', e.target.value)}
        />
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={draft.debugLogging}
          onChange={(e) => set('debugLogging', e.target.checked)}
        />
        <span>Debug logging (off by default)</span>
      </label>
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
