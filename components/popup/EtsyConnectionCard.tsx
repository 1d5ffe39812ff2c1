import { useState } from 'react';
import { browser } from '#imports';
import type { EtsyConnection, EtsyShop } from '@/lib/etsy/connection-schemas';
import type { Outcome } from '@/lib/messaging/protocol';
import type { EarlyAnswer } from './early';
import { useEtsyConnection } from './useEtsyConnection';

function summary(connection: EtsyConnection): string {
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
      return 'Could not connect to Etsy';
  }
}

/** The shop's Etsy icon, or its initial when it has none or the image won't load. */
function ShopIcon({ shop }: { shop: EtsyShop }) {
  const [failed, setFailed] = useState(false);
  if (shop.iconUrl && !failed) {
    return (
      <img
        className="shop__icon"
        src={shop.iconUrl}
        alt=""
        width={40}
        height={40}
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span className="shop__icon shop__icon--initial" aria-hidden="true">
      {shop.name.charAt(0).toUpperCase()}
    </span>
  );
}

const ETSY_CONNECTED_APPS = 'https://www.etsy.com/your/account/apps';

/** Disconnecting forgets the tokens here; only the seller can withdraw the app's access on Etsy. */
function EtsyKeepsAccess({ disconnected }: { disconnected: boolean }) {
  return (
    <p className="fine-print" data-testid="etsy-keeps-access">
      {disconnected
        ? 'Disconnected: the tokens are deleted from this browser. '
        : 'Disconnect deletes the tokens from this browser. '}
      Etsy keeps this app’s access to your shop until you remove it under{' '}
      <a href={ETSY_CONNECTED_APPS} target="_blank" rel="noreferrer">
        Apps you’ve connected
      </a>{' '}
      on Etsy.
    </p>
  );
}

export function EtsyConnectionCard({ stored }: { stored: EarlyAnswer<Outcome<EtsyConnection>> }) {
  const { connection, failure, busy, connect, disconnect } = useEtsyConnection(stored);
  const [disconnected, setDisconnected] = useState(false);
  const detail =
    failure ??
    (connection?.state === 'reconnect_needed' || connection?.state === 'error'
      ? connection.message
      : null);

  return (
    <section aria-labelledby="etsy-heading" className="card">
      <h2 id="etsy-heading" className="card__title">
        Etsy
      </h2>
      <div className="shop">
        {connection?.state === 'connected' && <ShopIcon shop={connection.shop} />}
        <p className="shop__status" data-testid="etsy-connection" role="status">
          {connection ? summary(connection) : failure ? 'Something went wrong' : 'Checking…'}
        </p>
      </div>
      {detail && (
        <p className="notice notice--error" data-testid="etsy-connection-detail">
          {detail}
        </p>
      )}
      <div className="actions">
        {connection?.state === 'not_configured' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => browser.runtime.openOptionsPage()}
          >
            Set up your Etsy app
          </button>
        )}
        {(connection?.state === 'not_connected' || connection?.state === 'error') && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={connect}
          >
            {connection.state === 'error' ? 'Try again' : 'Connect to Etsy'}
          </button>
        )}
        {connection?.state === 'reconnect_needed' && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={connect}
          >
            Reconnect
          </button>
        )}
        {connection?.state === 'connected' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/shop.html') })}
          >
            Shop audit
          </button>
        )}
        {connection?.state === 'connected' && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void disconnect().then(() => setDisconnected(true))}
          >
            Disconnect
          </button>
        )}
        {connection?.state === 'error' && (
          <button type="button" className="link" onClick={() => browser.runtime.openOptionsPage()}>
            Check the Etsy app settings
          </button>
        )}
      </div>
      {connection?.state === 'connected' ||
      (disconnected && connection?.state === 'not_connected') ? (
        <EtsyKeepsAccess disconnected={connection.state !== 'connected'} />
      ) : null}
    </section>
  );
}
