import { useEffect, useState } from 'react';
import { isPlainHttp } from '@/lib/local-network';
import { call } from '@/lib/messaging/protocol';
import { EndpointUrlSchema } from '@/lib/settings';

interface Props {
  /** The endpoint base URL as typed: a key is saved for its origin and sent nowhere else. */
  address: string;
  /** The key being typed; Load models and Test connection use it before it is saved. */
  typed: string;
  onType: (key: string) => void;
}

type KeyStatus = { saved: boolean; origin: string | null };

function originOf(address: string): string | null {
  const parsed = EndpointUrlSchema.safeParse(address);
  return parsed.success ? new URL(parsed.data).origin : null;
}

function describe(status: KeyStatus, address: string): string {
  if (!status.saved) return 'No key saved.';
  const here = originOf(address);
  if (!status.origin || status.origin === here) return `A key is saved for ${status.origin}.`;
  return `The saved key is for ${status.origin} only: it is not sent to ${here ?? 'this address'}. Enter a key for this endpoint.`;
}

/**
 * The API key goes straight to the background, which keeps it in the extension's IndexedDB
 * (lib/secrets) bound to the origin it was entered for. This page never reads it back.
 */
export function OpenAiKeyField({ address, typed, onType }: Props) {
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    void call('getOpenaiApiKeyStatus').then((answer) => {
      if (answer.ok) setStatus(answer.value);
      else setProblem(answer.error.message);
    });
  }, []);

  const save = async (value: string) => {
    const parsed = EndpointUrlSchema.safeParse(address);
    if (value && !parsed.success) {
      setProblem(`Fix the endpoint base URL first: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    setProblem('');
    const answer = await call(
      'saveOpenaiApiKey',
      value && parsed.success ? { apiKey: value.trim(), address: parsed.data } : { apiKey: '' },
    );
    if (!answer.ok) {
      setProblem(answer.error.message);
      return;
    }
    setStatus(answer.value);
    onType('');
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
        value={typed}
        placeholder={status?.saved ? 'A key is saved; paste a new one to replace it' : 'sk-…'}
        onChange={(e) => onType(e.target.value)}
      />
      {isPlainHttp(address) ? (
        <p className="notice" data-testid="openai-key-unencrypted">
          This address uses plain http://: the key and your listings would travel unencrypted. That
          is allowed only for this computer or your local network.
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--small"
          disabled={!typed.trim()}
          onClick={() => void save(typed)}
        >
          Use this key
        </button>
        {status?.saved ? (
          <button type="button" className="link" onClick={() => void save('')}>
            Forget the saved key
          </button>
        ) : null}
        <span role="status" data-testid="openai-key-status">
          {status ? describe(status, address) : ''}
        </span>
      </div>
      <p className="fine-print">
        Optional: LM Studio, llama.cpp’s server and Ollama’s /v1 need none unless you set one.
      </p>
      {problem ? (
        <p className="notice notice--error" role="alert" data-testid="openai-key-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
