import { debugLog } from '@/lib/log';
import { addButtonOf, MAX_CHIPS, readChips, type Chip } from './chips';
import { findFields, type FoundField } from './find';
import { CHANGED_MARKER, mentionsField, type EditorField } from './labels';
import { controlText, isRich } from './read';
import { waitForDom } from './wait';

/** What the panel asks to fill: whole text for title and description, tag by tag for tags. */
export interface FillRequest {
  title?: string;
  description?: string;
  tags?: { add: string[]; remove: string[] };
}

export interface FillReport {
  /** What the page took, e.g. "Title filled." */
  done: string[];
  /** What the page refused or we couldn't do safely, with why. */
  refused: { field: EditorField; item?: string; reason: string }[];
}

const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
const STEP_MS = 1500;

/**
 * Writes a value so a React-controlled field registers it: the element's own prototype
 * setter (React's value tracker wraps the instance one), then a bubbling input event.
 * (shared/docs/etsy-editor-dom.md §4)
 */
function typeValue(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  element.focus();
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
  element.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }),
  );
}

/** Blur, so on-blur validation and change handlers run. */
function leave(element: HTMLElement) {
  element.dispatchEvent(new Event('change', { bubbles: true }));
  element.blur();
  element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

/** The page's own "You changed: …" line lists this field. */
function markedChanged(doc: Document, field: EditorField): boolean {
  return changeMarkers(doc).some((text) => mentionsField(text, field));
}

function changeMarkers(doc: Document): string[] {
  return [...doc.querySelectorAll('[aria-live], [role="status"], footer, [data-unsaved-changes]')]
    .map((element) => element.textContent ?? '')
    .filter((text) => text.length < 300 && CHANGED_MARKER.some((marker) => marker.test(text)));
}

/**
 * Replaces a rich-text box's content the way its editor takes typing: first a
 * `beforeinput` the editor can apply to its own model (and undo stack); if the editor
 * doesn't take that, the browser's own insertText on the selected content, which the
 * editor sees as typing. False when neither is possible.
 */
function replaceRichText(doc: Document, box: HTMLElement, value: string): boolean {
  box.focus();
  const selection = doc.getSelection();
  if (!selection) return false;
  const range = doc.createRange();
  range.selectNodeContents(box);
  selection.removeAllRanges();
  selection.addRange(range);
  const event = new InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    inputType: 'insertReplacementText',
    data: value,
  });
  if (!box.dispatchEvent(event)) return true;
  return doc.execCommand('insertText', false, value);
}

async function fillText(
  doc: Document,
  found: FoundField,
  field: 'title' | 'description',
  value: string,
  signal: AbortSignal,
): Promise<string | null> {
  const control = found.control;
  // Already listed as changed (the seller edited it): the line can't move for our value.
  const wasMarked = markedChanged(doc, field);
  control.scrollIntoView({ block: 'center' });
  if (isRich(control)) {
    if (!replaceRichText(doc, control, value)) {
      return 'This rich-text editor doesn’t accept filled text safely. Use Copy and paste it in.';
    }
  } else {
    typeValue(control as HTMLTextAreaElement, value);
  }
  leave(control);
  const held = () => controlText(control) === value;
  const taken = await waitForDom(
    doc.body,
    () => held() && (wasMarked || markedChanged(doc, field)),
    {
      timeoutMs: STEP_MS,
      signal,
    },
  );
  if (taken) return null;
  // A page with no change marker at all can only be checked by its value.
  if (held() && changeMarkers(doc).length === 0) return null;
  const copy = isRich(control) ? ' Use Copy and paste it in instead.' : '';
  return held()
    ? `Etsy didn’t register the new ${field} (its form doesn’t list it as changed).${copy}`
    : `Etsy didn’t keep the new ${field}.${copy}`;
}

type Commit = 'button' | 'enter' | 'comma';

function pressEnter(input: HTMLElement) {
  const init = {
    key: 'Enter',
    code: 'Enter',
    keyCode: 13,
    which: 13,
    bubbles: true,
    cancelable: true,
  };
  input.dispatchEvent(new KeyboardEvent('keydown', init));
  input.dispatchEvent(new KeyboardEvent('keypress', init));
  input.dispatchEvent(new KeyboardEvent('keyup', init));
}

/** The tag field's chips as the page shows them now (null when it can't be read). */
function chipsNow(doc: Document): { field: FoundField; chips: Chip[]; left: number | null } | null {
  const field = findFields(doc).tags;
  if (!field) return null;
  const reading = readChips(field.container, field.control);
  return reading.ok ? { field, chips: reading.chips, left: reading.left } : null;
}

const hasChip = (doc: Document, tag: string) =>
  !!chipsNow(doc)?.chips.some((chip) => sameTag(chip.value, tag));

function ready(field: FoundField): boolean {
  const input = field.control as HTMLInputElement;
  const add = addButtonOf(field.container, input);
  const addOff =
    add && (add.hasAttribute('disabled') || add.getAttribute('aria-disabled') === 'true');
  return !input.disabled && !addOff;
}

/**
 * Adds one tag the page's own way: its Add button where there is one, else Enter, else a
 * trailing comma, trying the next only when no chip appeared. A page that took the text
 * but made no chip refused it. Answers the way that worked, or why none did.
 */
async function addTag(
  doc: Document,
  tag: string,
  order: Commit[],
  signal: AbortSignal,
): Promise<{ commit: Commit } | { reason: string }> {
  const before = chipsNow(doc);
  if (!before) return { reason: 'the tags field can’t be read any more' };
  if (
    !(await waitForDom(doc.body, () => ready(chipsNow(doc)?.field ?? before.field), { signal }))
  ) {
    return { reason: `Etsy’s tag input stays disabled (all ${MAX_CHIPS} used?)` };
  }
  for (const commit of order) {
    const field = chipsNow(doc)?.field ?? before.field;
    const input = field.control as HTMLInputElement;
    const add = addButtonOf(field.container, input);
    if (commit === 'button' && !add) continue;
    const typed = commit === 'comma' ? `${tag},` : tag;
    typeValue(input, typed);
    if (commit === 'button') add!.click();
    if (commit === 'enter') pressEnter(input);
    if (await waitForDom(doc.body, () => hasChip(doc, tag), { timeoutMs: STEP_MS, signal })) {
      const after = chipsNow(doc);
      const moved = before.left === null || after?.left === null || after!.left! < before.left;
      return moved ? { commit } : { reason: 'a chip appeared but the counter didn’t move' };
    }
    if (input.value !== typed) {
      return {
        reason: 'Etsy took the text but made no tag (too long, a duplicate, or not allowed)',
      };
    }
  }
  typeValue((chipsNow(doc)?.field ?? before.field).control as HTMLInputElement, '');
  return { reason: 'the page took it neither by Add, Enter nor a comma' };
}

async function removeTag(doc: Document, tag: string, signal: AbortSignal): Promise<string | null> {
  const chip = chipsNow(doc)?.chips.find((c) => sameTag(c.value, tag));
  if (!chip) return null; // Already gone.
  chip.remove.click();
  const gone = await waitForDom(doc.body, () => !hasChip(doc, tag), { timeoutMs: STEP_MS, signal });
  return gone ? null : 'Etsy didn’t remove it';
}

async function fillTags(
  doc: Document,
  { add, remove }: { add: string[]; remove: string[] },
  report: FillReport,
  signal: AbortSignal,
) {
  const refuse = (item: string, reason: string) => {
    debugLog('editor', 'tag refused', { tag: item, reason });
    report.refused.push({ field: 'tags', item, reason });
  };
  let removed = 0;
  let added = 0;
  for (const tag of remove) {
    const problem = await removeTag(doc, tag, signal);
    if (problem) refuse(tag, problem);
    else removed++;
  }
  let order: Commit[] = ['button', 'enter', 'comma'];
  for (const tag of add) {
    if (hasChip(doc, tag)) continue;
    const outcome = await addTag(doc, tag, order, signal);
    if ('reason' in outcome) refuse(tag, outcome.reason);
    else {
      added++;
      debugLog('editor', 'tag committed', { tag, by: outcome.commit });
      // The way that worked goes first for the next tag.
      order = [outcome.commit, ...order.filter((c) => c !== outcome.commit)];
    }
  }
  if (added || removed) report.done.push(`Tags: ${added} added, ${removed} removed.`);
}

/**
 * Fills the accepted changes into the page's own form, checking each against the page's
 * own state (the chip appeared, the counter moved, the form lists the field as changed).
 * Only fields the page lets us read now are touched. Stops when `signal` aborts.
 */
export async function fillEditor(
  doc: Document,
  request: FillRequest,
  signal: AbortSignal,
): Promise<FillReport> {
  const report: FillReport = { done: [], refused: [] };
  const found = findFields(doc);
  for (const field of ['title', 'description'] as const) {
    const value = request[field];
    if (value === undefined) continue;
    const target = found[field];
    if (!target) {
      report.refused.push({ field, reason: `Couldn’t find Etsy’s ${field} field on this page.` });
      continue;
    }
    const problem = await fillText(doc, target, field, value, signal);
    if (problem) report.refused.push({ field, reason: problem });
    else report.done.push(`${field === 'title' ? 'Title' : 'Description'} filled.`);
  }
  if (request.tags) {
    if (!chipsNow(doc)) {
      report.refused.push({
        field: 'tags',
        reason: 'Couldn’t read Etsy’s tags field, so no tag was changed.',
      });
    } else {
      await fillTags(doc, request.tags, report, signal);
    }
  }
  return report;
}
