import { expect, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import type { FakeEtsy } from '../../tests/peers/etsy/server';
import type { FakeOllama } from '../../tests/peers/ollama';
import { connect } from '../../tests/e2e/helpers/etsy';
import { MACRAME_TAGS } from '../../tests/peers/model-answers';
import { EDITOR_URL } from './panel';
import type { BenchRow } from './table';

const MEASURE = 'Etsy API calls to open, suggest for and publish one listing';
const TARGET = '≤ 2 reads (1 + 1 conflict check), ≤ 1 write';
const NEW_TITLE = 'Macrame Wall Hanging, Large Boho Wall Decor, Cotton Rope Tapestry';
const ANSWER = JSON.stringify({
  title: { value: NEW_TITLE, reasons: ['Leads with the item'] },
  tags: MACRAME_TAGS.map((value) => ({ value, reason: 'buyer search phrase' })),
  description: { value: 'unused', reasons: [] },
});

function publishFlowPresent(): boolean {
  const protocol = new URL('../../lib/messaging/protocol.ts', import.meta.url);
  return existsSync(protocol) && readFileSync(protocol, 'utf8').includes('publishListing');
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function summarize(calls: { method: string; operationId: string | null }[]): string {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const name = c.operationId ?? 'unknown';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name));
  return names.length > 0 ? ` (${names.join(', ')})` : '';
}

/**
 * Every api.etsy.com application call (OAuth excluded: connecting is done once, beforehand) the
 * extension makes while the seller opens a listing in the editor, asks for suggestions and
 * publishes them, as the fake Etsy's request log records them.
 */
export async function benchEtsyCalls(
  context: BrowserContext,
  extensionId: string,
  etsy: FakeEtsy,
  ollama: FakeOllama,
): Promise<BenchRow[]> {
  if (!publishFlowPresent()) {
    return [{ measure: MEASURE, value: 'not measured: publish flow missing', ok: false }];
  }
  const openExtensionPage = async (path: 'popup.html' | 'options.html'): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  const popup = await connect(etsy, openExtensionPage);
  await popup.close();
  ollama.script = { reply: () => ANSWER, chunkSize: 60, chunkDelayMs: 2 };

  const from = etsy.api.responses.length;
  const page = await context.newPage();
  await page.goto(EDITOR_URL);
  const panel = page.frameLocator('iframe[data-etsy-seo-copilot="panel"]');
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();
  await expect(panel.getByTestId('engine')).toHaveText(/Ollama/);
  const publish = panel.getByRole('button', { name: 'Publish to Etsy' });
  await expect(publish).toBeEnabled({ timeout: 15_000 });
  await publish.click();
  await expect(panel.getByTestId('publish-toast')).toContainText('Published to Etsy', {
    timeout: 15_000,
  });
  await page.close();

  const calls = etsy.api.responses
    .slice(from)
    .filter((r) => r.request.path.startsWith('/v3/application/'))
    .map((r) => ({ method: r.request.method, operationId: r.operationId }));
  const reads = calls.filter((c) => c.method === 'GET');
  const writes = calls.filter((c) => c.method !== 'GET');
  return [
    {
      measure: MEASURE,
      value: `${count(reads.length, 'read')}${summarize(reads)}, ${count(writes.length, 'write')}${summarize(writes)}`,
      target: TARGET,
      ok: reads.length <= 2 && writes.length <= 1,
    },
  ];
}
