import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/protocol';

/**
 * The API key goes straight to the background, which keeps it in the extension's IndexedDB
 * (lib/secrets), never in storage.local. This page never reads it back.
 */
export function OpenAiKeyField() {
  const [key, setKey] = useState('');
  const [saved, setSaved] = useState<boolean | null>(null);

  useEffect(() => {
    void request('getOpenaiApiKeyStatus').then((status) => setSaved(status.saved));
  }, []);

  const save = async (value: string) => {
    const status = await request('saveOpenaiApiKey', { apiKey: value });
    setSaved(status.saved);
    setKey('');
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor="openai-key">
        API key
      </label>
      <input
        id="openai-key"
        type="password"
        autoComplete="off"
        value={key}
        placeholder={saved ? 'A key is saved; paste a new one to replace it' : 'sk-…'}
        onChange={(e) => setKey(e.target.value)}
      />
      <div className="actions">
        <button
          type="button"
          className="button button--small"
          disabled={!key.trim()}
          onClick={() => void save(key)}
        >
          Use this key
        </button>
        {saved ? (
          <button type="button" className="link" onClick={() => void save('')}>
            Forget the saved key
          </button>
        ) : null}
        <span role="status" data-testid="openai-key-status">
          {saved === null ? '' : saved ? 'A key is saved.' : 'No key saved.'}
        </span>
      </div>
      <p className="fine-print">
        Optional: LM Studio, llama.cpp’s server and Ollama’s /v1 need none unless you set one.
      </p>
    </div>
  );
}
