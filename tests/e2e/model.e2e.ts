import type { Page } from '@playwright/test';
import { startFakeOpenAi } from '../peers/openai';
import { expect, test } from './fixtures';
import { saveModelSettings, useApiKey } from './helpers/model-settings';
import { MACRAME_TAGS } from '../peers/model-answers';

const LISTING = {
  title: 'Macrame Wall Hanging, Boho Wall Decor, Handmade Cotton Rope Tapestry',
  description: 'A handmade macrame wall hanging in natural cotton rope.',
  tags: ['macrame', 'wall hanging', 'boho decor'],
  materials: ['cotton'],
  categoryPath: ['Home & Living', 'Home Decor', 'Wall Decor'],
};

/** A good answer with things repair must fix: a 36-character tag, a duplicate, a 14th tag. */
const ANSWER = JSON.stringify({
  title: {
    value: 'Macrame Wall Hanging, Large Boho Wall Decor, Handmade Cotton Rope Tapestry',
    reasons: ['Leads with the item'],
  },
  tags: [
    ...MACRAME_TAGS.slice(0, 11).map((value) => ({ value, reason: 'search phrase' })),
    { value: 'Boho Wall Decor', reason: 'duplicate' },
    { value: 'extra large macrame wall hanging art', reason: 'too long' },
    ...MACRAME_TAGS.slice(11).map((value) => ({ value, reason: 'search phrase' })),
  ],
  description: {
    value: 'A large handmade macrame wall hanging in natural cotton rope.',
    reasons: ['First sentence says what it is'],
  },
});

type Envelope = { type: string; [key: string]: unknown };

/** Runs one suggestion over the port from an extension page; resolves with every envelope. */
function streamSuggestion(page: Page, listing = LISTING): Promise<Envelope[]> {
  return page.evaluate(
    (listing) =>
      new Promise<Envelope[]>((resolve) => {
        const seen: Envelope[] = [];
        const port = chrome.runtime.connect({ name: 'llm-suggest' });
        port.onMessage.addListener((message: Envelope) => {
          seen.push(message);
          if (message.type === 'done' || message.type === 'error') resolve(seen);
        });
        port.onDisconnect.addListener(() => resolve(seen));
        port.postMessage({ type: 'start', requestId: 'run-1', listing });
      }),
    listing,
  );
}

function final(envelopes: Envelope[]): Envelope {
  return envelopes[envelopes.length - 1]!;
}

test.describe('suggestions from Ollama', () => {
  test.beforeEach(async ({ ollama, serviceWorker }) => {
    ollama.script = { reply: () => ANSWER, chunkSize: 40, chunkDelayMs: 5 };
    await saveModelSettings(serviceWorker, { provider: 'ollama', ollamaModel: 'llama3.2' });
  });

  test('stream field by field over a port, repaired to Etsy rules, then come from the cache', async ({
    ollama,
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('options.html');
    const envelopes = await streamSuggestion(page);
    const done = final(envelopes);
    expect(done.type, JSON.stringify(done)).toBe('done');

    // Progress reports fields in the order they arrived.
    const fields = envelopes
      .filter((e) => e.type === 'progress' && e.fields)
      .map(
        (e) =>
          e.fields as { title: string; tags: string; description: string; tagsArrived: number },
      );
    const firstTitleDone = fields.findIndex((f) => f.title === 'done');
    const firstTagsDone = fields.findIndex((f) => f.tags === 'done');
    expect(firstTitleDone).toBeGreaterThanOrEqual(0);
    expect(firstTagsDone).toBeGreaterThan(firstTitleDone);
    expect(
      fields.some((f) => f.tags === 'arriving' && f.tagsArrived > 0 && f.tagsArrived < 13),
    ).toBe(true);
    expect(fields.at(-1)).toMatchObject({ description: 'done', tagsArrived: 15 });
    expect(envelopes.some((e) => e.type === 'chunk')).toBe(true);

    const result = done.result as {
      engine: string;
      fromCache: boolean;
      suggestion: { tags: { value: string }[]; title: { value: string } };
      notes: { original: string; kept?: string; why: string }[];
    };
    expect(result.engine).toBe('ollama');
    expect(result.fromCache).toBe(false);
    expect(result.suggestion.tags.map((t) => t.value)).toEqual([
      ...MACRAME_TAGS.slice(0, 11),
      // Shortened as a whole phrase: "extra large macrame" would repeat "large macrame".
      'wall hanging art',
      'living room decor',
    ]);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          original: 'Boho Wall Decor',
          why: 'Duplicate of another suggested tag',
        }),
        expect.objectContaining({
          original: 'extra large macrame wall hanging art',
          kept: 'wall hanging art',
        }),
        expect.objectContaining({ original: 'handmade wall art', why: 'More than Etsy’s 13 tags' }),
      ]),
    );

    // One structured-output request, sent with Ollama's own origin by the session rule.
    expect(ollama.chats).toHaveLength(1);
    expect(ollama.chats[0]!.origin).toBe('http://localhost:11434');
    expect(ollama.chats[0]!.body.format).toMatchObject({
      type: 'object',
      required: ['title', 'tags', 'description'],
    });

    const again = final(await streamSuggestion(page));
    expect(again.type).toBe('done');
    expect((again.result as { fromCache: boolean }).fromCache).toBe(true);
    expect(ollama.chats).toHaveLength(1);
  });

  test('cancel (port disconnect) stops generation at the model', async ({
    ollama,
    openExtensionPage,
  }) => {
    ollama.script = { reply: () => ANSWER, chunkSize: 4, chunkDelayMs: 50 };
    const page = await openExtensionPage('options.html');
    await page.evaluate(
      (listing) =>
        new Promise<void>((resolve) => {
          const port = chrome.runtime.connect({ name: 'llm-suggest' });
          port.onMessage.addListener((message: Envelope) => {
            if (message.type === 'chunk') {
              port.disconnect();
              resolve();
            }
          });
          port.postMessage({ type: 'start', requestId: 'cancel-me', listing });
        }),
      LISTING,
    );
    await expect.poll(() => ollama.cancelledChats).toBe(1);
  });

  test('the Origin rule is scoped: a web page’s own fetch to Ollama keeps its Origin and is refused', async ({
    ollama,
    page,
    serviceWorker,
  }) => {
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.declarativeNetRequest.getSessionRules()))
      .toEqual([
        expect.objectContaining({
          condition: expect.objectContaining({
            urlFilter: '|http://localhost:11434/',
            requestDomains: ['localhost'],
            tabIds: [-1],
            resourceTypes: ['xmlhttprequest'],
          }),
        }),
      ]);
    await page.goto('https://www.etsy.com/');
    const outcome = await page.evaluate(async () => {
      try {
        const response = await fetch('http://localhost:11434/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'llama3.2', messages: [] }),
        });
        return `status ${response.status}`;
      } catch (error) {
        return `blocked: ${String(error)}`;
      }
    });
    // Chrome's CORS / Local Network Access checks may stop the page first; whatever arrived
    // at Ollama must carry the page's real Origin, and Ollama must have refused it.
    const fromPage = ollama.requests.filter((r) => r.path === '/api/chat');
    expect(fromPage.length).toBeGreaterThan(0);
    for (const request of fromPage) expect(request.origin).toBe('https://www.etsy.com');
    expect(ollama.isAllowed('https://www.etsy.com')).toBe(false);
    expect(ollama.chats).toHaveLength(0);
    test.info().annotations.push({
      type: 'page fetch',
      description: `${outcome}; reached Ollama ${fromPage.length}×`,
    });
  });

  test('concurrent runs from several pages are queued one at a time and all answered once', async ({
    ollama,
    openExtensionPage,
  }) => {
    ollama.script = { reply: () => ANSWER, chunkSize: 200, chunkDelayMs: 20 };
    const pages = [await openExtensionPage('options.html'), await openExtensionPage('popup.html')];
    const runs = Array.from({ length: 6 }, (_, i) =>
      streamSuggestion(pages[i % 2]!, { ...LISTING, title: `${LISTING.title} ${i}` }),
    );
    const finals = (await Promise.all(runs)).map(final);
    expect(finals.map((e) => e.type)).toEqual(Array(6).fill('done'));
    expect(ollama.chats).toHaveLength(6);
    expect(ollama.maxConcurrentChats).toBe(1);
    const asked = ollama.chats.map(
      (c) => JSON.stringify(c.body.messages).match(/Tapestry (\d)/)![1],
    );
    expect(new Set(asked).size).toBe(6);
  });

  test('the Origin rule goes away when Ollama is no longer used', async ({ serviceWorker }) => {
    const rules = () =>
      serviceWorker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
    await expect.poll(async () => (await rules()).length).toBe(1);
    await saveModelSettings(serviceWorker, { provider: 'openai' });
    await expect.poll(async () => (await rules()).length).toBe(0);
    await saveModelSettings(serviceWorker, {
      provider: 'auto',
      ollamaHost: 'http://127.0.0.1:11434',
    });
    await expect
      .poll(async () => (await rules())[0]?.condition.urlFilter)
      .toBe('|http://127.0.0.1:11434/');
  });

  test('a stopped service worker wakes for a run and still applies the Origin rule', async ({
    context,
    ollama,
    openExtensionPage,
    serviceWorker,
  }) => {
    const page = await openExtensionPage('options.html');
    await serviceWorker.evaluate(() => Object.assign(globalThis, { beforeStop: true }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const done = final(await streamSuggestion(page));
    expect(done.type, JSON.stringify(done)).toBe('done');
    // A fresh worker answered: the marker set in the old one is gone.
    const [worker] = context.serviceWorkers();
    expect(await worker!.evaluate(() => 'beforeStop' in globalThis)).toBe(false);
    expect(ollama.chats.at(-1)!.origin).toBe('http://localhost:11434');
  });

  test('a listing too long for the context window is refused with offline suggestions instead', async ({
    ollama,
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('options.html');
    const done = final(
      await streamSuggestion(page, { ...LISTING, description: 'Handmade rope. '.repeat(3000) }),
    );
    expect(done).toMatchObject({ type: 'error', error: { code: 'context-too-long' } });
    expect((done.fallback as { tags: unknown[] }).tags.length).toBeGreaterThan(0);
    expect(ollama.chats).toHaveLength(0);
  });

  test('an answer that is not JSON is reported, with offline suggestions instead', async ({
    ollama,
    openExtensionPage,
  }) => {
    ollama.script = {
      reply: () => 'Sure! Here are some ideas: boho, macrame…',
      chunkSize: 40,
      chunkDelayMs: 1,
    };
    const page = await openExtensionPage('options.html');
    const done = final(await streamSuggestion(page));
    expect(done).toMatchObject({ type: 'error', error: { code: 'unusable-output' } });
    expect(done.fallback).toBeTruthy();
  });
});

test.describe('options page: Test connection and the errors a seller can act on', () => {
  async function testConnection(page: Page) {
    await page.getByRole('button', { name: 'Test connection' }).click();
  }

  test('answers with the latency, and the model list comes from the server', async ({
    ollama,
    openExtensionPage,
  }) => {
    ollama.models = [{ name: 'llama3.2:latest' }, { name: 'qwen2.5:7b' }];
    ollama.script = { reply: () => '{"reply":"OK"}', chunkSize: 40, chunkDelayMs: 1 };
    const page = await openExtensionPage('options.html');
    await page.getByLabel('Provider').selectOption('ollama');
    await testConnection(page);
    await expect(page.getByTestId('connection-result')).toHaveText(
      /^Answered by Ollama \(llama3\.2\) in \d+ ms\.$/,
    );
    await page.getByRole('button', { name: 'Load models from the server' }).first().click();
    await expect(page.getByTestId('ollama-model-count')).toHaveText('2 models found');
    await page.getByLabel('Ollama model').selectOption('qwen2.5:7b');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('settings-status')).toHaveText('Saved.');
  });

  test('the OLLAMA_ORIGINS fallback shows the exact value for this extension', async ({
    extensionId,
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('options.html');
    await expect(page.getByTestId('ollama-origins-value').first()).toHaveText(
      `OLLAMA_ORIGINS=chrome-extension://${extensionId}`,
    );
  });

  const cases: {
    name: string;
    arrange: (ollama: import('../peers/ollama').FakeOllama) => void;
    form?: (page: Page) => Promise<void>;
    code: string;
    message: RegExp;
    action: RegExp;
  }[] = [
    {
      name: 'Ollama not running',
      arrange: (o) => (o.down = true),
      code: 'ollama-not-running',
      message: /Ollama isn’t answering at http:\/\/localhost:11434/,
      action: /ollama serve/,
    },
    {
      name: '403 from the origin check',
      arrange: (o) => (o.refuseEveryOrigin = true),
      code: 'ollama-origin-forbidden',
      message: /403 Forbidden/,
      action: /OLLAMA_ORIGINS=chrome-extension:\/\/[a-p]{32}/,
    },
    {
      name: 'model not installed',
      arrange: (o) => (o.models = [{ name: 'mistral:latest' }, { name: 'qwen2.5:7b' }]),
      code: 'model-not-installed',
      message: /“llama3\.2” isn’t installed.*Installed: mistral:latest, qwen2\.5:7b/,
      action: /ollama pull llama3\.2/,
    },
    {
      name: 'no models installed',
      arrange: (o) => (o.models = []),
      code: 'no-models-installed',
      message: /no models installed/,
      action: /ollama pull/,
    },
    {
      name: 'an error line mid-stream',
      arrange: (o) =>
        (o.script = {
          reply: () => '{"reply":"OK, here you go"}',
          chunkSize: 4,
          chunkDelayMs: 1,
          failAfterChunks: 2,
        }),
      code: 'stream-error',
      message: /part-way through.*unexpected EOF/,
      action: /Try again/,
    },
    {
      name: 'a model that stalls past the time limit',
      arrange: (o) =>
        (o.script = {
          reply: () => '{"reply":"OK"}',
          chunkSize: 2,
          chunkDelayMs: 1,
          stallAfterChunks: 1,
        }),
      form: (page) => page.getByLabel('Time limit per answer (seconds)').fill('5'),
      code: 'timed-out',
      message: /within 5 seconds/,
      action: /smaller model/,
    },
  ];
  for (const c of cases) {
    test(`${c.name} → its own message and action`, async ({ ollama, openExtensionPage }) => {
      c.arrange(ollama);
      const page = await openExtensionPage('options.html');
      await page.getByLabel('Provider').selectOption('ollama');
      await c.form?.(page);
      await testConnection(page);
      const error = page.getByTestId('model-error');
      await expect(error).toHaveAttribute('data-code', c.code, { timeout: 15_000 });
      await expect(error).toContainText(c.message);
      await expect(error.getByTestId('model-error-action')).toContainText(c.action);
    });
  }

  test('an invalid address is refused by validation', async ({ openExtensionPage }) => {
    const page = await openExtensionPage('options.html');
    await page.getByLabel('Endpoint base URL').fill('htp:/nowhere');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('settings-status')).toHaveText(
      'Not saved: fix the highlighted fields.',
    );
    await expect(page.getByLabel('Endpoint base URL')).toHaveAttribute('aria-invalid', 'true');
  });

  test('Chrome’s built-in model is shown honestly as unavailable here', async ({
    openExtensionPage,
  }) => {
    const page = await openExtensionPage('options.html');
    await expect(page.getByTestId('builtin-availability')).toHaveText(/^Not available/);
  });
});

/** A fake OpenAI-compatible server, saved as the chosen provider. */
const withOpenAi = test.extend<{ openaiServer: Awaited<ReturnType<typeof startFakeOpenAi>> }>({
  openaiServer: async ({ serviceWorker }, use) => {
    const server = await startFakeOpenAi();
    server.openai.reply = () => ANSWER;
    await saveModelSettings(serviceWorker, {
      provider: 'openai',
      openaiBaseUrl: server.baseUrl,
      openaiModel: 'gpt-4o-mini',
    });
    await use(server);
    await server.close();
  },
});

test.describe('OpenAI-compatible endpoint', () => {
  withOpenAi(
    'models list, key kept in the background, streamed suggestions, and a 401 for a wrong key',
    async ({ openaiServer, openExtensionPage, serviceWorker }) => {
      const page = await openExtensionPage('options.html');
      await expect(page.getByTestId('openai-key-status')).toHaveText('No key saved.');

      await useApiKey(page, 'sk-test-wrong');
      await expect(page.getByTestId('openai-key-status')).toHaveText('A key is saved.');
      await expect(page.getByLabel('API key')).toHaveValue('');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('model-error')).toHaveAttribute('data-code', 'bad-api-key');
      await expect(page.getByTestId('model-error-action')).toContainText('Paste a valid API key');

      await useApiKey(page, 'sk-test-right');
      await page.getByRole('button', { name: 'Load models from the server' }).nth(1).click();
      await expect(page.getByTestId('openai-model-count')).toHaveText('2 models found');

      const done = final(await streamSuggestion(page));
      expect(done.type, JSON.stringify(done)).toBe('done');
      expect(done.result).toMatchObject({ engine: 'openai', model: 'gpt-4o-mini' });
      const sent = openaiServer.openai.completions.at(-1)!;
      expect(sent.authorization).toBe('Bearer sk-test-right');
      expect(sent.body).toMatchObject({ stream: true, response_format: { type: 'json_schema' } });

      // The key lives in the extension's IndexedDB, never in storage.local.
      const local = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
      expect(JSON.stringify(local)).not.toContain('sk-test');
    },
  );

  withOpenAi(
    'a server with CORS off is told apart from one that is down, with the ways to fix it',
    async ({ openaiServer, openExtensionPage }) => {
      openaiServer.openai.allowsCors = false;
      const page = await openExtensionPage('options.html');
      await useApiKey(page, 'sk-test-right');
      await page.getByRole('button', { name: 'Test connection' }).click();
      const error = page.getByTestId('model-error');
      await expect(error).toHaveAttribute('data-code', 'endpoint-refuses-extensions');
      await expect(error).toContainText(
        `${openaiServer.baseUrl} is running but doesn’t accept requests from browser extensions`,
      );
      await expect(page.getByTestId('model-error-action')).toContainText('“Enable CORS”');
      const origin = new URL(openaiServer.baseUrl).origin;
      const allow = error.getByRole('button', { name: `Allow access to ${origin}` });
      await expect(allow).toBeVisible();
      // A half-typed address while the error shows: the fix still names the tested server.
      const baseUrlField = page.getByLabel('Endpoint base URL');
      await baseUrlField.fill('http:/');
      await expect(allow).toBeVisible();
      await baseUrlField.fill(openaiServer.baseUrl);

      // The seller turns CORS on in the server instead; the same test now answers.
      openaiServer.openai.allowsCors = true;
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('connection-result')).toContainText(
        'Answered by the OpenAI-compatible endpoint (gpt-4o-mini)',
      );
      await expect(error).toHaveCount(0);
    },
  );

  test('an unreachable endpoint says so', async ({ openExtensionPage, serviceWorker }) => {
    await saveModelSettings(serviceWorker, {
      provider: 'openai',
      openaiBaseUrl: 'http://127.0.0.1:9/v1',
    });
    const page = await openExtensionPage('options.html');
    await useApiKey(page, 'sk-anything');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('model-error')).toHaveAttribute(
      'data-code',
      'endpoint-unreachable',
    );
    await expect(page.getByTestId('model-error')).toContainText(
      'Can’t reach http://127.0.0.1:9/v1',
    );
  });
});

test('Automatic says which provider it used, and falls back to offline rules when none works', async ({
  ollama,
  openExtensionPage,
  serviceWorker,
}) => {
  ollama.script = { reply: () => ANSWER, chunkSize: 40, chunkDelayMs: 1 };
  await saveModelSettings(serviceWorker, { provider: 'auto' });
  const page = await openExtensionPage('options.html');
  const used = final(await streamSuggestion(page));
  expect(used.result).toMatchObject({
    engine: 'ollama',
    explanation: expect.stringMatching(/^Automatic used Ollama \(llama3\.2\)/),
  });

  ollama.down = true;
  const offline = final(
    await streamSuggestion(page, { ...LISTING, title: 'Macrame Wall Hanging' }),
  );
  expect(offline.result).toMatchObject({
    engine: 'offline',
    explanation: expect.stringMatching(/^No model answered.*Ollama isn’t answering/),
  });
});

test.describe('the models sellers actually run', () => {
  test('a thinking Ollama model: Test connection says so, and its thinking is turned off', async ({
    ollama,
    openExtensionPage,
    serviceWorker,
  }) => {
    ollama.models = [
      { name: 'qwen3:8b', capabilities: ['completion', 'tools', 'thinking'], family: 'qwen3' },
    ];
    ollama.script = {
      reply: () => '{"reply":"OK"}',
      thinking: 'Long deliberation. '.repeat(200),
      chunkSize: 8,
      chunkDelayMs: 1,
    };
    await saveModelSettings(serviceWorker, { provider: 'ollama', ollamaModel: 'qwen3:8b' });
    const page = await openExtensionPage('options.html');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('connection-result')).toContainText(
      'Answered by Ollama (qwen3:8b)',
    );
    await expect(page.getByTestId('connection-notes')).toHaveText(
      'qwen3:8b is a thinking model: the extension turns its thinking off so answers come sooner.',
    );
    expect(ollama.chats.at(-1)!.body).toMatchObject({ think: false });
  });

  withOpenAi(
    'a server with no key (LM Studio, llama.cpp) works with no key saved, and gets no Authorization',
    async ({ openaiServer, openExtensionPage }) => {
      openaiServer.openai.apiKey = null;
      const page = await openExtensionPage('options.html');
      await expect(page.getByTestId('openai-key-status')).toHaveText('No key saved.');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('connection-result')).toContainText(
        'Answered by the OpenAI-compatible endpoint (gpt-4o-mini)',
      );
      const done = final(await streamSuggestion(page));
      expect(done.type, JSON.stringify(done)).toBe('done');
      expect(openaiServer.openai.completions.map((c) => c.authorization)).toEqual([
        undefined,
        undefined,
      ]);

      // A server that does want a key says so, instead of a bare 401.
      openaiServer.openai.apiKey = 'sk-test-right';
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('model-error')).toHaveAttribute('data-code', 'api-key-needed');
      await expect(page.getByTestId('model-error')).toContainText('needs an API key');
    },
  );

  withOpenAi(
    'a reasoning model that refuses temperature: Test connection passes, says what happened, and it is not sent again',
    async ({ openaiServer, openExtensionPage, serviceWorker }) => {
      const { openai } = openaiServer;
      openai.apiKey = null;
      openai.models = ['gpt-5-mini'];
      openai.refusesTemperature = ['gpt-5-mini'];
      await saveModelSettings(serviceWorker, { openaiModel: 'gpt-5-mini' });
      const page = await openExtensionPage('options.html');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByTestId('connection-result')).toContainText(
        'Answered by the OpenAI-compatible endpoint (gpt-5-mini)',
      );
      await expect(page.getByTestId('connection-notes')).toHaveText(
        'gpt-5-mini accepts only its default temperature, so the extension no longer sends one to it.',
      );
      expect(openai.completions.map((c) => c.body.temperature)).toEqual([0, undefined]);

      const done = final(await streamSuggestion(page));
      expect(done.type, JSON.stringify(done)).toBe('done');
      expect(openai.completions).toHaveLength(3);
      expect('temperature' in openai.completions[2]!.body).toBe(false);
    },
  );

  test('an OpenAI-compatible address on Ollama’s /v1 gets the Origin rule, not a bare 403', async ({
    ollama,
    openExtensionPage,
    serviceWorker,
  }) => {
    ollama.script = { reply: () => '{"reply":"OK"}', chunkSize: 8, chunkDelayMs: 1 };
    await saveModelSettings(serviceWorker, {
      provider: 'openai',
      openaiBaseUrl: 'http://localhost:11434/v1',
      openaiModel: 'llama3.2',
    });
    await expect
      .poll(async () =>
        (await serviceWorker.evaluate(() => chrome.declarativeNetRequest.getSessionRules())).map(
          (rule) => rule.condition.urlFilter,
        ),
      )
      .toEqual(['|http://localhost:11434/']);
    const page = await openExtensionPage('options.html');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('connection-result')).toContainText(
      'Answered by the OpenAI-compatible endpoint (llama3.2)',
    );
    expect(ollama.chats.at(-1)!.origin).toBe('http://localhost:11434');
  });
});
