import { debugLog } from '@/lib/log';
import { findFields } from './find';
import { readEditor, type EditorReadout } from './read';
import { CATEGORY_PATH } from './selectors';

/**
 * The elements whose changes can change a readout: each field's own block and the category
 * path. None while any is missing: then every mutation counts, as it may add one.
 */
function watchedElements(doc: Document): Element[] {
  const fields = Object.values(findFields(doc));
  const category = CATEGORY_PATH.map((s) => doc.querySelector(s)).find(Boolean);
  if (fields.length < 4 || !category) return [];
  return [...fields.map((found) => found.container), category];
}

/**
 * Calls `onChange` with a fresh readout whenever the editor's SEO fields change:
 * typing (input/change events), chips or a late-mounting form (DOM mutations). At most
 * once per animation frame, so the panel follows each keystroke with no fixed delay;
 * once every field is found, mutations elsewhere on a busy page are ignored. Silent when
 * nothing the panel cares about changed. With debug logging on, logs how each field was
 * found whenever that changes.
 */
export function watchEditor(
  doc: Document,
  onChange: (readout: EditorReadout) => void,
  { signal }: { signal: AbortSignal },
): void {
  let last = '';
  let lastLayers = '';
  let frame: number | undefined;
  let watched: Element[] = [];

  const emit = () => {
    frame = undefined;
    const readout = readEditor(doc);
    watched = watchedElements(doc);
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
    frame ??= requestAnimationFrame(emit);
  };
  const relevant = (mutations: MutationRecord[]) =>
    watched.length === 0 ||
    watched.some((element) => !element.isConnected) ||
    mutations.some((m) => watched.some((element) => element.contains(m.target)));

  doc.addEventListener('input', schedule, { capture: true, signal });
  doc.addEventListener('change', schedule, { capture: true, signal });
  const observer = new MutationObserver((mutations) => {
    if (relevant(mutations)) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
  });
  emit();
}
