import { findChromium } from '../chromium';
import { launchWithExtension } from '../launch';
import { startFakeEtsy } from '../../tests/peers/etsy/server';
import { startFakeOllama } from '../../tests/peers/ollama';
import { makeThrowawayCertificate } from '../../tests/peers/tls';
import { benchEtsyCalls } from './etsy';
import { benchPanel } from './panel';
import { benchShop } from './shop';
import { benchSuggest } from './suggest';
import type { BenchRow } from './table';

/**
 * The figures measured in headless Chromium with the built extension, against the local fake
 * Etsy and fake Ollama (mapped to their real hostnames, as in the E2E tests). One browser serves
 * every measure; each measure that changes extension state runs after those that don't.
 */
export async function benchBrowser(): Promise<BenchRow[]> {
  const etsy = await startFakeEtsy(await makeThrowawayCertificate());
  const ollama = await startFakeOllama();
  const { context, extensionId } = await launchWithExtension({
    executablePath: findChromium(console.error),
    etsyPort: etsy.port,
    ollamaPort: ollama.port,
    headless: true,
  });
  try {
    return [
      ...(await benchPanel(context)),
      ...(await benchSuggest(context, extensionId, ollama.ollama, ollama.port)),
      ...(await benchEtsyCalls(context, extensionId, etsy, ollama.ollama)),
      ...(await benchShop(context, extensionId, etsy)),
    ];
  } finally {
    await context.close();
    await ollama.close();
    await etsy.close();
  }
}
