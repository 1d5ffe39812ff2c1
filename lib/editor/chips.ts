import { counterLeft } from './labels';

/** Etsy's limit for tags and for materials. */
export const MAX_CHIPS = 13;

export interface Chip {
  value: string;
  element: HTMLElement;
  remove: HTMLElement;
}

const BUTTONS = 'button, [role="button"]';
const CHIP_ITEM = 'li, [role="listitem"], [role="option"], [role="row"]';

/** The chip's text without its buttons' text (a "×", or "Delete tag …" read aloud). */
function chipValue(chip: Element): string {
  const copy = chip.cloneNode(true) as Element;
  copy.querySelectorAll(`${BUTTONS}, [aria-hidden="true"], svg`).forEach((node) => node.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The chips in a tag or material field, whatever their class names: a chip is a list
 * item or pill that holds a remove button; its value is its text minus the button's.
 * The button next to the text input (Add) is not a chip.
 */
function readChipList(container: Element, input: Element | null): Chip[] {
  const chips = new Map<Element, Chip>();
  for (const button of container.querySelectorAll<HTMLElement>(BUTTONS)) {
    if (input && button.parentElement?.contains(input)) continue;
    const item = button.closest(CHIP_ITEM);
    const chip = item && container.contains(item) ? item : button.parentElement;
    if (!chip || chip === container || (input && chip.contains(input)) || chips.has(chip)) continue;
    const value = chipValue(chip);
    if (value) chips.set(chip, { value, element: chip as HTMLElement, remove: button });
  }
  return [...chips.values()];
}

/** What the field's counter says is left ("8 left", "noch 8", …), or null with no counter. */
function readCounter(container: Element): number | null {
  for (const element of container.querySelectorAll('*')) {
    if (element.childElementCount > 0 || element.closest(BUTTONS)) continue;
    const left = counterLeft(element.textContent ?? '');
    if (left !== null) return left;
  }
  return null;
}

/** The Add button beside the chip field's input, when the page has one. */
export function addButtonOf(container: Element, input: HTMLElement): HTMLElement | null {
  const chipButtons = new Set(readChipList(container, input).map((chip) => chip.remove));
  return (
    [...container.querySelectorAll<HTMLElement>(BUTTONS)].find(
      (button) =>
        !chipButtons.has(button) &&
        input.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING,
    ) ?? null
  );
}

export type ChipReading =
  | { ok: true; values: string[]; chips: Chip[]; left: number | null }
  | { ok: false; reason: string };

/** Reads the chips and checks them against the counter, when the field shows one. */
export function readChips(container: Element, input: HTMLElement | null): ChipReading {
  const chips = readChipList(container, input);
  const left = readCounter(container);
  if (left !== null && left !== MAX_CHIPS - chips.length) {
    return {
      ok: false,
      reason: `found ${chips.length} but the page’s counter says ${MAX_CHIPS - left}`,
    };
  }
  return { ok: true, values: chips.map((chip) => chip.value), chips, left };
}
