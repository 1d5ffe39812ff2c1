import { readEditor, type EditorReadout } from './read';
import { resolveField } from './resolve';
import type { FieldName } from './selectors';

/** The elements whose changes can change a readout. */
const WATCHED: FieldName[] = [
  'title',
  'description',
  'tagsField',
  'materialsField',
  'categoryPath',
];

/** Those elements, or none while any is missing (then every mutation counts: it may add it). */
function watchedElements(doc: Document): Element[] {
  const found = WATCHED.map((field) => resolveField(doc, field)?.element);
  return found.every((element) => element !== undefined) ? (found as Element[]) : [];
}

/**
 * Calls `onChange` with a fresh readout whenever the editor's SEO fields change: typing
 * (input/change events), chips or category changing, a late-mounting form (DOM mutations).
 * At most once per animation frame, so the panel follows each keystroke without a fixed
 * delay; mutations elsewhere on a busy page are ignored once every field has been found.
 * Silent when nothing the panel cares about changed.
 */
export function watchEditor(
  doc: Document,
  onChange: (readout: EditorReadout) => void,
  { signal }: { signal: AbortSignal },
): void {
  let last = '';
  let frame: number | undefined;
  let watched: Element[] = [];

  const emit = () => {
    frame = undefined;
    const readout = readEditor(doc);
    watched = watchedElements(doc);
    const key = JSON.stringify(readout);
    if (key === last) return;
    last = key;
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
