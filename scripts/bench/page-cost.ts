import { chromium, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { findChromium } from '../chromium';
import { launchWithExtension } from '../launch';
import type { FakeEtsy } from '../../tests/peers/etsy/server';
import type { FakeOllama } from '../../tests/peers/ollama';
import { EDITOR_URL } from './panel';
import type { BenchRow } from './table';

const PANEL_FRAME = 'iframe[data-etsy-seo-copilot="panel"]';
const BUSY_MS = 5000;

/** Etsy's page kept busy: a node's text changes and a node is added and removed every frame. */
function startBusyPage(): void {
  const box = document.body.appendChild(document.createElement('div'));
  let n = 0;
  const frame = () => {
    box.textContent = String(n++);
    box.appendChild(document.createElement('span')).remove();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Script time on the page's renderer main thread (all worlds: the page's and content scripts'). */
async function scriptMsPerSecond(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')!.value;
  };
  // As source text: tsx's keep-names helper (`__name`) would not exist in the page.
  await page.evaluate(`(() => { const __name = (f) => f; (${startBusyPage.toString()})(); })()`);
  const before = await scriptSeconds();
  const started = Date.now();
  await page.waitForTimeout(BUSY_MS); // the measuring window itself
  const after = await scriptSeconds();
  return ((after - before) * 1000) / ((Date.now() - started) / 1000);
}

async function heapBytes(context: BrowserContext, target: Page | Frame): Promise<number> {
  const cdp = await context.newCDPSession(target);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The editor, with the panel shown; suggestions too when asked. */
async function openEditor(context: BrowserContext, withSuggestions: boolean) {
  const page = await context.newPage();
  await page.goto(EDITOR_URL);
  const panel = page.frameLocator(PANEL_FRAME);
  await panel.getByTestId('score').waitFor();
  if (withSuggestions) {
    await panel.getByRole('button', { name: 'Suggest improvements' }).click();
    await panel.getByTestId('engine').waitFor();
  }
  return page;
}

/**
 * What the extension costs Etsy's tab, against the same page in a Chromium without it: script
 * time on a busy editor page, and JS heap after suggestions (the page's renderer, plus the
 * panel's own frame, which runs in the extension's process).
 */
export async function benchPageCost(
  etsy: FakeEtsy,
  ollama: { ollama: FakeOllama; port: number },
): Promise<BenchRow[]> {
  const executablePath = findChromium(console.error);
  const bare = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      `--host-resolver-rules=MAP www.etsy.com 127.0.0.1:${etsy.port}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
    ],
  });
  const { context } = await launchWithExtension({
    executablePath,
    etsyPort: etsy.port,
    ollamaPort: ollama.port,
    headless: true,
  });
  try {
    const plain = await (
      await bare.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await plain.goto(EDITOR_URL);
    await plain.locator('#listing-title-input').waitFor();
    const plainHeap = await heapBytes(plain.context(), plain);
    const plainScript = await scriptMsPerSecond(plain);

    const page = await openEditor(context, true);
    const frame = (await (await page.waitForSelector(PANEL_FRAME)).contentFrame())!;
    const inPage = (await heapBytes(context, page)) - plainHeap;
    const inFrame = await heapBytes(context, frame);
    const added = inPage + inFrame;
    const busy = await openEditor(context, false);
    const extensionScript = await scriptMsPerSecond(busy);
    const extra = extensionScript - plainScript;
    return [
      {
        measure: 'script time added on a busy editor page',
        value: `${extra >= 0 ? '+' : ''}${extra.toFixed(2)} ms/s (${extensionScript.toFixed(1)} vs ${plainScript.toFixed(1)} ms/s without the extension)`,
        target: '≤ +3 ms/s',
        ok: extra <= 3,
      },
      {
        measure: 'JS heap the panel adds to the tab, after suggestions',
        value: `${mb(added)} (${mb(inPage)} in Etsy's page, ${mb(inFrame)} in the panel's frame)`,
        target: '≤ 10 MB',
        ok: added <= 10 * 1024 * 1024,
      },
    ];
  } finally {
    await context.close();
    await bare.close();
  }
}
