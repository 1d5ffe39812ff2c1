import { readEditor } from './read';
import { resolveField } from './resolve';
import { CHIP_INPUTS, CHIP_REMOVE } from './selectors';
import { waitUntil } from './wait';

/**
 * Writes a value so a React-controlled field registers it: the element's own prototype
 * setter (React's value tracker wraps the instance one), then bubbling input/change
 * events, then blur so on-blur validation runs. (shared/docs/etsy-editor-dom.md §4)
 */
export function setControlledValue(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const prototype =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  element.focus();
  setter?.call(element, value);
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
  element.blur();
  element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

export type FillOutcome = { ok: true } | { ok: false; message: string };

/** Fills the title or description and reads it back: the editor must now hold `value`. */
export async function fillTextField(
  doc: Document,
  field: 'title' | 'description',
  value: string,
): Promise<FillOutcome> {
  const found = resolveField<HTMLTextAreaElement | HTMLInputElement>(doc, field);
  if (!found) return { ok: false, message: `Couldn’t find Etsy’s ${field} field on this page.` };
  found.element.scrollIntoView({ block: 'center' });
  setControlledValue(found.element, value);
  const held = await waitUntil(() => readEditor(doc).listing[field] === value, { timeoutMs: 1500 });
  return held
    ? { ok: true }
    : { ok: false, message: `Etsy didn’t accept the new ${field}. Nothing else was changed.` };
}

export interface TagFillReport {
  added: string[];
  removed: string[];
  /** Tags the editor did not take, with why. */
  failed: { tag: string; reason: string }[];
}

const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * Makes the editor's tags equal `target`, one chip at a time the way the editor takes
 * them: remove the unwanted ones, then add each new one and wait for its chip and for
 * the input to be enabled again. Every step is checked against the chips on the page.
 * `target` must already be valid (lib/seo): the editor drops bad tags silently.
 */
export async function fillTags(doc: Document, target: string[]): Promise<TagFillReport> {
  const report: TagFillReport = { added: [], removed: [], failed: [] };
  const current = () => readEditor(doc).listing.tags;
  const field = resolveField(doc, CHIP_INPUTS.tags.field);
  if (!field) {
    report.failed = target.map((tag) => ({ tag, reason: 'The tags field is not on this page.' }));
    return report;
  }

  for (const tag of current().filter((tag) => !target.some((t) => sameTag(t, tag)))) {
    const button = [
      ...field.element.querySelectorAll<HTMLButtonElement>(CHIP_REMOVE.tags.selector),
    ].find((b) =>
      sameTag(b.getAttribute('aria-label')?.slice(CHIP_REMOVE.tags.prefix.length) ?? '', tag),
    );
    button?.click();
    const gone = await waitUntil(() => !current().some((t) => sameTag(t, tag)));
    if (gone) report.removed.push(tag);
    else report.failed.push({ tag, reason: 'Etsy didn’t remove it.' });
  }

  for (const tag of target.filter((tag) => !current().some((t) => sameTag(t, tag)))) {
    const input = resolveField<HTMLInputElement>(doc, CHIP_INPUTS.tags.input)?.element;
    const add = resolveField<HTMLButtonElement>(doc, CHIP_INPUTS.tags.add)?.element;
    const ready = () =>
      !!input &&
      !!add &&
      !input.disabled &&
      !add.disabled &&
      add.getAttribute('aria-disabled') !== 'true';
    if (!(await waitUntil(ready))) {
      report.failed.push({ tag, reason: 'Etsy’s tag input is disabled (all 13 used?).' });
      continue;
    }
    setControlledValue(input!, tag);
    add!.click();
    const committed = await waitUntil(() => current().some((t) => sameTag(t, tag)));
    if (committed) report.added.push(tag);
    else report.failed.push({ tag, reason: 'Etsy didn’t take the tag.' });
  }
  // Let the editor finish its brief post-add pause before the seller carries on.
  await waitUntil(
    () => !resolveField<HTMLInputElement>(doc, CHIP_INPUTS.tags.input)?.element.disabled,
    {
      timeoutMs: 1000,
    },
  );
  return report;
}
