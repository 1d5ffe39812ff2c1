import type { FakeOllama } from '../peers/ollama';
import { EDITOR_URL, panelFrame, expect, test } from './fixtures';
import { saveModelSettings } from './helpers/model-settings';
import { MACRAME_TAGS } from '../peers/model-answers';

/**
 * Model faults seen from the PANEL's Suggest button. The same faults on the options page
 * (Test connection) are in model.e2e.ts; "an error line mid-stream shows in the
 * suggestions section with the offline fallback" is in panel.e2e.ts, without its text —
 * here each fault is checked for its own message and action, a working offline
 * fallback, and an untouched grade.
 */

const ANSWER = JSON.stringify({
  title: {
    value: 'Macrame Wall Hanging, Large Boho Wall Decor, Handmade Cotton Rope Tapestry',
    reasons: ['Leads with the item'],
  },
  tags: MACRAME_TAGS.map((value) => ({ value, reason: 'search phrase' })),
  description: {
    value: 'A large handmade macrame wall hanging in natural cotton rope.',
    reasons: ['First sentence says what it is'],
  },
});

const cases: {
  name: string;
  arrange: (ollama: FakeOllama) => Promise<void> | void;
  settings?: Record<string, unknown>;
  code: string;
  message: RegExp;
  action: RegExp;
}[] = [
  {
    name: 'Ollama down (connection refused)',
    arrange: (o) => o.stop(),
    code: 'ollama-not-running',
    message: /Ollama isn’t answering at http:\/\/localhost:11434/,
    action: /ollama serve/,
  },
  {
    name: 'a 403 from Ollama’s origin check',
    arrange: (o) => void (o.refuseEveryOrigin = true),
    code: 'ollama-origin-forbidden',
    message: /refused the extension \(403 Forbidden/,
    action: /OLLAMA_ORIGINS=chrome-extension:\/\/[a-p]{32}/,
  },
  {
    name: 'the model not installed',
    arrange: (o) => void (o.models = [{ name: 'mistral:latest' }]),
    code: 'model-not-installed',
    message: /“llama3\.2” isn’t installed in Ollama\. Installed: mistral:latest/,
    action: /ollama pull llama3\.2/,
  },
  {
    name: 'an error mid-stream',
    arrange: (o) => void (o.script = { ...o.script, failAfterChunks: 3 }),
    code: 'stream-error',
    message: /stopped with an error part-way through its answer: .*unexpected EOF/,
    action: /Try again/,
  },
  {
    name: 'a stalled stream past the time limit',
    arrange: (o) => void (o.script = { ...o.script, stallAfterChunks: 3 }),
    settings: { timeoutSeconds: 5 },
    code: 'timed-out',
    message: /didn’t finish within 5 seconds/,
    action: /smaller model/,
  },
  {
    name: 'an answer cut off by the context (done_reason "length")',
    arrange: (o) => void (o.script = { ...o.script, doneReason: 'length' }),
    code: 'answer-cut-off',
    message: /^The answer was cut off/,
    action: /Choose a larger context or a shorter description/,
  },
  {
    name: 'the server killed mid-stream',
    arrange: (o) => void (o.script = { ...o.script, killAfterChunks: 3 }),
    code: 'stream-error',
    message: /stopped with an error part-way through its answer: network error/,
    action: /restart the model server/,
  },
];

test.beforeEach(async ({ ollama, serviceWorker }) => {
  ollama.script = { reply: () => ANSWER, chunkSize: 30, chunkDelayMs: 5 };
  await saveModelSettings(serviceWorker, { provider: 'ollama', ollamaModel: 'llama3.2' });
});

for (const c of cases) {
  test(`from the panel: ${c.name} → its message, the offline fallback, the grade untouched`, async ({
    page,
    ollama,
    serviceWorker,
  }) => {
    if (c.settings) await saveModelSettings(serviceWorker, c.settings);
    await c.arrange(ollama);
    await page.goto(EDITOR_URL);
    const panel = panelFrame(page);
    const score = panel.getByTestId('score');
    await expect(score).toBeVisible();
    const grade = await score.textContent();
    const title = await page.locator('#listing-title-input').inputValue();

    await panel.getByRole('button', { name: 'Suggest improvements' }).click();
    const error = panel.getByTestId('suggest-error');
    await expect(error).toHaveAttribute('data-code', c.code, { timeout: 15_000 });
    await expect(error).toContainText(c.message);
    await expect(error).toContainText(c.action);
    // The grade and the seller's own text are untouched; nothing half-arrived is offered.
    await expect(score).toHaveText(grade!);
    await expect(panel.getByTestId('review-title')).toHaveCount(0);
    expect(await page.locator('#listing-title-input').inputValue()).toBe(title);

    await error.getByRole('button', { name: 'Use offline suggestions instead' }).click();
    await expect(panel.getByTestId('engine')).toHaveText('By: Offline rules (no model)');
    await expect(panel.getByTestId('suggest-error')).toHaveCount(0);
    await expect(panel.getByTestId('review-title')).toBeVisible();
    await expect(score).toHaveText(grade!);

    // Once the fault is gone, asking again gets the model's answer.
    await ollama.restart();
    ollama.refuseEveryOrigin = false;
    ollama.models = [{ name: 'llama3.2:latest' }];
    ollama.script = { reply: () => ANSWER, chunkSize: 30, chunkDelayMs: 5 };
    await panel.getByRole('button', { name: 'Suggest again' }).click();
    await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (llama3.2)');
  });
}

test('a model that can’t stop thinking shows its thinking as progress, then its suggestions, within the default time limit', async ({
  page,
  ollama,
  serviceWorker,
}) => {
  // gpt-oss:20b on a seller's laptop: about 40 tokens a second (a token ≈ 4 characters),
  // some 500 tokens of thinking at the "low" level, then the JSON answer.
  ollama.models = [
    { name: 'gpt-oss:20b', capabilities: ['completion', 'tools', 'thinking'], family: 'gptoss' },
  ];
  ollama.script = {
    reply: () => ANSWER,
    thinking: 'The listing is a macrame wall hanging. Tags should be search phrases. '.repeat(28),
    chunkSize: 4,
    chunkDelayMs: 25,
  };
  await saveModelSettings(serviceWorker, { ollamaModel: 'gpt-oss:20b' });
  await page.goto(EDITOR_URL);
  const panel = panelFrame(page);
  const started = Date.now();
  await panel.getByRole('button', { name: 'Suggest improvements' }).click();

  const thinking = panel.getByTestId('suggest-thinking');
  await expect(thinking).toContainText(/The model is thinking… \(\d+ tokens so far/);
  const count = async () => Number((await thinking.textContent())?.match(/\((\d+) tokens/)?.[1]);
  const first = await count();
  await expect.poll(count).toBeGreaterThan(first);

  await expect(panel.getByTestId('engine')).toHaveText('By: Ollama (gpt-oss:20b)', {
    timeout: 120_000,
  });
  await expect(panel.getByTestId('review-title')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(120_000);
  expect(ollama.chats.at(-1)!.body).toMatchObject({ think: 'low' });
  test.info().annotations.push({
    type: 'thinking run',
    description: `${Date.now() - started} ms from click to suggestions`,
  });
});
