import { startFakeOpenAi, type FakeOpenAi } from '../peers/openai';
import { test as base, expect } from './fixtures';
import { saveModelSettings, useApiKey } from './helpers/model-settings';

/**
 * What “Allow access” relies on: with host access, the background reaches an endpoint that
 * refuses CORS. Chrome's permission prompt can't be answered from a test, so the host the
 * manifest already grants (localhost:11434) stands in for an allowed one: the CORS-off
 * server is mapped there instead of the fake Ollama.
 */
const test = base.extend<{ corsOffServer: { openai: FakeOpenAi; baseUrl: string } }>({
  // eslint-disable-next-line no-empty-pattern
  corsOffServer: async ({}, use) => {
    const server = await startFakeOpenAi();
    server.openai.allowsCors = false;
    await use(server);
    await server.close();
  },
  ollama: async ({ corsOffServer }, use) => {
    await use({ port: Number(new URL(corsOffServer.baseUrl).port) } as never);
  },
});

test('an endpoint with CORS off answers once the extension has access to its host', async ({
  corsOffServer,
  openExtensionPage,
  serviceWorker,
}) => {
  // The same server at an address the extension has no access to: refused.
  await saveModelSettings(serviceWorker, {
    provider: 'openai',
    openaiBaseUrl: corsOffServer.baseUrl,
  });
  const page = await openExtensionPage('options.html');
  await useApiKey(page, 'sk-test-right');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('model-error')).toHaveAttribute(
    'data-code',
    'endpoint-refuses-extensions',
  );

  // At a host the extension may reach, the same server answers. That is another origin, so
  // the key is entered for it again: a key goes only to the origin it was saved for.
  await saveModelSettings(serviceWorker, { openaiBaseUrl: 'http://localhost:11434/v1' });
  await page.reload();
  await useApiKey(page, 'sk-test-right');
  await expect(page.getByTestId('openai-key-status')).toHaveText(
    'A key is saved for http://localhost:11434.',
  );
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-result')).toContainText(
    'Answered by the OpenAI-compatible endpoint (gpt-4o-mini)',
  );
  expect(corsOffServer.openai.completions.length).toBeGreaterThan(0);
});
