import { useEffect, useState } from 'react';
import { browser } from '#imports';
import type { EtsyConnection } from '@/lib/etsy/connection';
import { request } from '@/lib/messaging/protocol';

function describe(connection: EtsyConnection): string {
  switch (connection.state) {
    case 'not_configured':
      return 'Etsy app not set up';
    case 'not_connected':
      return 'Not connected to Etsy';
    case 'connecting':
      return 'Connecting to Etsy…';
    case 'connected':
      return `Connected as ${connection.shop.name}`;
    case 'reconnect_needed':
      return 'Reconnect needed';
    case 'error':
      return connection.message;
  }
}

export function PopupApp() {
  const [connection, setConnection] = useState<EtsyConnection | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    request('getEtsyConnection')
      .then(setConnection)
      .catch((error: unknown) =>
        setFailure(String(error instanceof Error ? error.message : error)),
      );
  }, []);

  return (
    <main className="page page--popup">
      <h1 className="page__title">Etsy SEO Copilot</h1>
      <section aria-labelledby="etsy-heading" className="card">
        <h2 id="etsy-heading" className="card__title">
          Etsy
        </h2>
        <p data-testid="etsy-connection" role="status">
          {failure ?? (connection ? describe(connection) : 'Checking…')}
        </p>
        {connection?.state === 'not_configured' && (
          <p>
            <button
              type="button"
              className="link"
              onClick={() => browser.runtime.openOptionsPage()}
            >
              Set up your Etsy app
            </button>
          </p>
        )}
      </section>
    </main>
  );
}
