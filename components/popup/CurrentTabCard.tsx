import { useEffect, useState } from 'react';
import { browser } from '#imports';
import { describeTab } from './tab-status';

export function CurrentTabCard() {
  const [tab, setTab] = useState<ReturnType<typeof describeTab> | null>(null);

  useEffect(() => {
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => setTab(describeTab(active?.url)))
      .catch(() => setTab(describeTab(undefined)));
  }, []);

  return (
    <section aria-labelledby="tab-heading" className="card">
      <h2 id="tab-heading" className="card__title">
        This tab
      </h2>
      <p data-testid="tab-status" className={tab?.isEditor ? 'badge badge--ok' : undefined}>
        {tab?.text ?? 'Checking…'}
      </p>
    </section>
  );
}
