import { useEffect, useState, type FormEvent } from 'react';
import { browser } from '#imports';
import { EtsyAppInputSchema } from '@/lib/etsy/connection-schemas';
import { call } from '@/lib/messaging/protocol';

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * The seller's own Etsy app: Etsy requires keystring + shared secret on every call, and
 * a secret shipped in the extension would be public. The secret goes to the background
 * once and is never shown again.
 */
export function EtsyAppSettings() {
  const redirectUri = browser.identity.getRedirectURL();
  const [savedKeystring, setSavedKeystring] = useState<string | null>(null);
  const [keystring, setKeystring] = useState('');
  const [sharedSecret, setSharedSecret] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    void call('getEtsyAppSetup').then((answer) => {
      if (!answer.ok) return; // Saving still works and reports its own error.
      setSavedKeystring(answer.value.keystring);
      // A slow-waking worker answers late: never wipe what the seller already typed.
      setKeystring((typed) => typed || (answer.value.keystring ?? ''));
    });
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = EtsyAppInputSchema.safeParse({ keystring, sharedSecret });
    if (!input.success) {
      setStatus({ kind: 'failed', message: input.error.issues.map((i) => i.message).join(' ') });
      return;
    }
    setStatus({ kind: 'saving' });
    const result = await call('saveEtsyApp', input.data);
    if (result.ok) {
      setSavedKeystring(result.value.keystring);
      setSharedSecret('');
      setStatus({ kind: 'saved' });
    } else {
      const { message, action } = result.error;
      setStatus({ kind: 'failed', message: [message, action].filter(Boolean).join(' ') });
    }
  }

  async function copyRedirectUri() {
    await navigator.clipboard.writeText(redirectUri);
    setCopied(true);
  }

  return (
    <section aria-labelledby="etsy-app-heading" className="card">
      <h2 id="etsy-app-heading" className="card__title">
        Etsy app
      </h2>
      <ol className="steps">
        <li>
          Create an app at{' '}
          <a href="https://www.etsy.com/developers/your-apps" target="_blank" rel="noreferrer">
            etsy.com/developers/your-apps
          </a>
          .
        </li>
        <li>
          Add this callback URL to the app exactly as shown:
          <span className="copy-row">
            <code data-testid="etsy-redirect-uri">{redirectUri}</code>
            <button type="button" className="button button--small" onClick={copyRedirectUri}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </span>
        </li>
        <li>Paste the app’s keystring and shared secret below, then connect from the popup.</li>
      </ol>
      <form onSubmit={save} noValidate>
        <label className="field">
          <span className="field__label">Keystring</span>
          <input
            value={keystring}
            onChange={(event) => setKeystring(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span className="field__label">Shared secret</span>
          <input
            type="password"
            value={sharedSecret}
            onChange={(event) => setSharedSecret(event.target.value)}
            placeholder={savedKeystring ? 'Saved — enter it again to change the app' : ''}
            autoComplete="off"
          />
        </label>
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={status.kind === 'saving'}
          >
            Store Etsy app
          </button>
          <p
            data-testid="etsy-app-status"
            role="status"
            className={status.kind === 'failed' ? 'field__error' : undefined}
          >
            {status.kind === 'saving' && 'Checking with Etsy…'}
            {status.kind === 'saved' && 'Saved. Now connect from the extension’s popup.'}
            {status.kind === 'failed' && status.message}
            {status.kind === 'idle' && savedKeystring && 'Saved.'}
          </p>
        </div>
      </form>
      <p className="fine-print">
        The term “Etsy” is a trademark of Etsy, Inc. This application uses the Etsy API but is not
        endorsed or certified by Etsy, Inc.
      </p>
    </section>
  );
}
