// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { watchEditor } from '@/lib/editor/watch';
import { debugLog } from '@/lib/log';
import { DEFAULT_MODEL_SETTINGS, modelSettings } from '@/lib/settings';

it('with debug logging on, logs which layer found each field', async () => {
  await modelSettings.setValue({ ...DEFAULT_MODEL_SETTINGS, debugLogging: true });
  debugLog('test', 'start watching the setting');
  await vi.waitFor(async () => expect((await modelSettings.getValue()).debugLogging).toBe(true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  const logged = vi.spyOn(console, 'debug').mockImplementation(() => undefined);

  document.body.innerHTML = `
    <textarea id="listing-title-input">Mug</textarea>
    <label for="d">Beschreibung</label><textarea id="d">Becher</textarea>`;
  const controller = new AbortController();
  const readouts: unknown[] = [];
  watchEditor(document, (readout) => readouts.push(readout), { signal: controller.signal });
  controller.abort();

  expect(readouts).toHaveLength(1);
  expect(logged).toHaveBeenCalledWith(
    '[copilot:editor] fields found',
    expect.objectContaining({
      title: { status: 'read', layer: 'known', rich: false },
      description: { status: 'read', layer: 'structure', rich: false },
      tags: { status: 'unread', reason: 'no tags field on this page' },
    }),
  );
});
