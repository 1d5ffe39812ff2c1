// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { watchEditor } from '@/lib/editor/watch';
import { debugLog, mirrorDebugLogging } from '@/lib/log';
import { DEFAULT_MODEL_SETTINGS, modelSettings } from '@/lib/settings';

it('with debug logging on, logs which layer found each field', async () => {
  // The background copies the switch to where the content script can read it.
  mirrorDebugLogging();
  await modelSettings.setValue({ ...DEFAULT_MODEL_SETTINGS, debugLogging: true });
  const logged = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
  await vi.waitFor(() => {
    debugLog('test', 'logging is on');
    expect(logged).toHaveBeenCalled();
  });
  logged.mockClear();

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
