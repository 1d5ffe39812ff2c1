import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { ENGINE_NAMES, engineWithModel } from '@/lib/llm/engine-names';
import type { ModelStatus as Status } from '@/lib/llm/status-schema';
import type { UserError } from '@/lib/messaging/errors';
import type { Outcome } from '@/lib/messaging/protocol';
import type { EarlyAnswer } from './early';

function headline(status: Status): string {
  const name = engineWithModel(status.engine, status.model);
  if (!status.ready) return `${name}: not answering.`;
  if (status.engine === 'offline' && status.tried.length > 0) {
    return 'Suggestions will come from the offline rules: no model answered.';
  }
  if (status.engine === 'offline') return 'Suggestions come from the offline rules (no model).';
  return `${name} is ready.`;
}

/** One line for the popup: which model suggestions come from and whether it can answer now. */
export function ModelStatus({ asked }: { asked: EarlyAnswer<Outcome<Status>> }) {
  const [answer, setAnswer] = useState(asked.value);
  useEffect(() => {
    void asked.promise.then(setAnswer);
  }, [asked]);
  const status = answer?.ok ? answer.value : null;
  const failure: UserError | null = answer && !answer.ok ? answer.error : null;

  const settings = (text: string) => (
    <p>
      <button type="button" className="link" onClick={() => browser.runtime.openOptionsPage()}>
        {text}
      </button>
    </p>
  );
  if (failure) {
    return (
      <div data-testid="model-status" data-ready="unknown">
        <p className="notice notice--error">
          {failure.message} {failure.action}
        </p>
        {settings('Model settings')}
      </div>
    );
  }
  if (!status) return <p data-testid="model-status">Checking the model…</p>;
  const needsFix = !status.ready || status.tried.length > 0;
  return (
    <div data-testid="model-status" data-ready={status.ready}>
      <p className={status.ready && !needsFix ? 'badge--ok' : undefined}>{headline(status)}</p>
      {status.error ? (
        <p className="notice notice--error">
          {status.error.message} {status.error.action}
        </p>
      ) : null}
      {status.tried.length > 0 ? (
        <ul className="notice" data-testid="model-status-tried">
          {status.tried.map(({ engine, error }) => (
            <li key={engine}>
              Tried {ENGINE_NAMES[engine]}: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      {settings(needsFix ? 'Fix it in settings' : 'Model settings')}
    </div>
  );
}
