import type { BrowserContext } from '@playwright/test';
import { Ollama } from 'ollama';
import type { ListingText } from '../../lib/listing';
import { modelOutputJsonSchema } from '../../lib/llm/output-schema';
import { buildPrompt, CONTEXT_TOKENS } from '../../lib/llm/prompt';
import type { ClientEnvelope, ServerEnvelope } from '../../lib/llm/stream-protocol';
import { checkListing, suggestOffline } from '../../lib/seo';
import type { FakeOllama } from '../../tests/peers/ollama';
import { generateListings } from './listings';
import { median, ms } from './stats';
import type { BenchRow } from './table';

const RUNS = 5;
/** Runs that stop at the first token: cheap, so enough of them for a steady median. */
const FIRST_TOKEN_RUNS = 15;
const CHUNK_SIZE = 8;
const CHUNK_DELAY_MS = 10;
const TARGET_RATIO = 1.05;
const TARGET_FIRST_TOKEN_OVERHEAD_MS = 30;

interface RunTimes {
  firstTokenMs: number;
  totalMs: number;
}

/**
 * In an extension page: one suggestion through the `llm-suggest` port, as the panel asks for it
 * (refresh, so the cache never answers). Times the first streamed chunk and `done`.
 */
function suggestThroughExtension({
  listing,
  portName,
  untilFirstToken,
}: {
  listing: ListingText;
  portName: string;
  untilFirstToken: boolean;
}): Promise<RunTimes> {
  return new Promise((resolve, reject) => {
    const requestId = crypto.randomUUID();
    const port = chrome.runtime.connect({ name: portName });
    let firstTokenAt: number | undefined;
    const startedAt = performance.now();
    port.onMessage.addListener((envelope: ServerEnvelope) => {
      if (envelope.type === 'chunk') {
        firstTokenAt ??= performance.now();
        if (untilFirstToken) {
          port.disconnect();
          resolve({ firstTokenMs: firstTokenAt - startedAt, totalMs: Number.NaN });
        }
      } else if (envelope.type === 'done') {
        const doneAt = performance.now();
        port.disconnect();
        if (envelope.result.engine !== 'ollama')
          reject(new Error(`answered by ${envelope.result.engine}`));
        else
          resolve({
            firstTokenMs: (firstTokenAt ?? doneAt) - startedAt,
            totalMs: doneAt - startedAt,
          });
      } else if (envelope.type === 'error') reject(new Error(envelope.error.message));
    });
    port.onDisconnect.addListener(() => reject(new Error('port closed before done')));
    const start: ClientEnvelope = { type: 'start', requestId, listing, refresh: true };
    port.postMessage(start);
  });
}

/** The same request straight from Node with the same `ollama` package: the floor to compare with. */
async function suggestDirect(
  host: string,
  listing: ListingText,
  untilFirstToken: boolean,
): Promise<RunTimes> {
  const messages = buildPrompt(listing, checkListing(listing).findings, '');
  const startedAt = performance.now();
  const stream = await new Ollama({ host }).chat({
    model: 'llama3.2',
    messages,
    format: modelOutputJsonSchema(),
    stream: true,
    keep_alive: '10m',
    options: { temperature: 0.3, num_ctx: CONTEXT_TOKENS },
  });
  let firstTokenAt: number | undefined;
  let text = '';
  for await (const part of stream) {
    firstTokenAt ??= performance.now();
    text += part.message.content;
    if (untilFirstToken) {
      stream.abort();
      return { firstTokenMs: firstTokenAt - startedAt, totalMs: Number.NaN };
    }
  }
  JSON.parse(text);
  const doneAt = performance.now();
  return { firstTokenMs: (firstTokenAt ?? doneAt) - startedAt, totalMs: doneAt - startedAt };
}

/**
 * Suggestion end to end through the extension (page → port → background → Ollama and back)
 * against a direct client call to the same fake Ollama with the same token cadence, alternating
 * so drift on a shared machine hits both alike.
 */
export async function benchSuggest(
  context: BrowserContext,
  extensionId: string,
  ollama: FakeOllama,
  ollamaPort: number,
): Promise<BenchRow[]> {
  const listing = generateListings(1, 7)[0] as ListingText;
  const answer = JSON.stringify(suggestOffline(listing));
  ollama.script = { reply: () => answer, chunkSize: CHUNK_SIZE, chunkDelayMs: CHUNK_DELAY_MS };
  const chunks = Math.ceil(answer.length / CHUNK_SIZE);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const host = `http://127.0.0.1:${ollamaPort}`;
  const viaExtension: RunTimes[] = [];
  const direct: RunTimes[] = [];
  const whole = { listing, portName: 'llm-suggest', untilFirstToken: false };
  const firstOnly = { ...whole, untilFirstToken: true };
  // One untimed run each wakes the service worker and warms both paths.
  await page.evaluate(suggestThroughExtension, whole);
  await suggestDirect(host, listing, false);
  for (let i = 0; i < RUNS; i++) {
    viaExtension.push(await page.evaluate(suggestThroughExtension, whole));
    direct.push(await suggestDirect(host, listing, false));
  }
  for (let i = 0; i < FIRST_TOKEN_RUNS; i++) {
    viaExtension.push(await page.evaluate(suggestThroughExtension, firstOnly));
    direct.push(await suggestDirect(host, listing, true));
  }
  await page.close();

  const totals = (runs: RunTimes[]) => runs.map((r) => r.totalMs).filter((t) => !Number.isNaN(t));
  const extTotal = median(totals(viaExtension));
  const directTotal = median(totals(direct));
  const ratio = extTotal / directTotal;
  const extFirst = median(viaExtension.map((r) => r.firstTokenMs));
  const directFirst = median(direct.map((r) => r.firstTokenMs));
  const overhead = extFirst - directFirst;
  const cadence = `${chunks} chunks of ${CHUNK_SIZE} chars every ${CHUNK_DELAY_MS} ms, median of ${RUNS}`;
  return [
    {
      measure: 'suggestion e2e',
      value: `extension ${ms(extTotal)} vs direct ${ms(directTotal)}, ratio ${ratio.toFixed(3)} (${cadence})`,
      target: `ratio ≤ ${TARGET_RATIO}`,
      ok: ratio <= TARGET_RATIO,
    },
    {
      measure: 'first-token overhead',
      value: `${ms(overhead)} (extension ${ms(extFirst)} vs direct ${ms(directFirst)}, median of ${RUNS + FIRST_TOKEN_RUNS})`,
      target: `≤ ${TARGET_FIRST_TOKEN_OVERHEAD_MS} ms`,
      ok: overhead <= TARGET_FIRST_TOKEN_OVERHEAD_MS,
    },
  ];
}
