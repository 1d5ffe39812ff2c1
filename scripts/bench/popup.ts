import type { BrowserContext } from '@playwright/test';
import { median, ms, percentile } from './stats';
import type { BenchRow } from './table';

const LOADS = 20;

/** In the popup (passed as source: tsx's `__name` helper isn't there): resolves at the first frame after the Etsy connection line shows its state. */
function paintedWithSettings(): Promise<number> {
  return new Promise((resolve) => {
    const ready = () => {
      const text = document.querySelector('[data-testid="etsy-connection"]')?.textContent;
      return !!text && text !== 'Checking…';
    };
    const paint = () => requestAnimationFrame(() => resolve(performance.now()));
    if (ready()) return paint();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      paint();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * The popup's first paint with its settings loaded: from navigation start to the first frame
 * after the Etsy connection line shows its state (it needs the background's answer).
 */
export async function benchPopup(
  context: BrowserContext,
  extensionId: string,
): Promise<BenchRow[]> {
  const page = await context.newPage();
  const samples: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'commit' });
    const paintedAt = await page.evaluate<number>(
      `(() => { const __name = (f) => f; return (${paintedWithSettings.toString()})(); })()`,
    );
    if (i > 0) samples.push(paintedAt);
  }
  await page.close();
  return [
    {
      measure: 'popup first paint with settings loaded (median)',
      value: `${ms(median(samples))} (p90 ${ms(percentile(samples, 90))}, ${samples.length} loads)`,
      target: '≤ 100 ms',
      ok: median(samples) <= 100,
    },
  ];
}
