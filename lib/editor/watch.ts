import { debugLog } from '@/lib/log';
import { readEditor, type EditorReadout } from './read';

/**
 * Calls `onChange` with a fresh readout whenever the editor's SEO fields change:
 * typing (input/change events), chips or a late-mounting form (DOM mutations).
 * Debounced, and silent when nothing the panel cares about changed. With debug logging
 * on, logs how each field was found whenever that changes.
 */
export function watchEditor(
  doc: Document,
  onChange: (readout: EditorReadout) => void,
  { debounceMs = 120, signal }: { debounceMs?: number; signal: AbortSignal },
): void {
  let last = '';
  let lastLayers = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = () => {
    timer = undefined;
    const readout = readEditor(doc);
    const key = JSON.stringify(readout);
    if (key === last) return;
    last = key;
    const layers = JSON.stringify(readout.fields);
    if (layers !== lastLayers) {
      lastLayers = layers;
      debugLog('editor', 'fields found', readout.fields);
    }
    onChange(readout);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(emit, debounceMs);
  };

  doc.addEventListener('input', schedule, { capture: true, signal });
  doc.addEventListener('change', schedule, { capture: true, signal });
  const observer = new MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  emit();
}
