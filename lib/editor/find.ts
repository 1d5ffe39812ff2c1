import { fieldNamedBy, type EditorField } from './labels';
import { KNOWN_FIELDS } from './selectors';

/**
 * How a field was found: Etsy's known ids and names, the page's own structure (a
 * label bound to the control, aria-labelledby, the enclosing fieldset or group), or
 * only the visible label text near it. A fallback layer means Etsy's markup moved.
 */
export type Layer = 'known' | 'structure' | 'label';

export interface FoundField {
  field: EditorField;
  /** Where the seller types: a textarea, an input, or a rich-text (contenteditable) box. */
  control: HTMLElement;
  /** The field's own block: for tags and materials it holds the chips and the counter. */
  container: HTMLElement;
  layer: Layer;
}

const TEXT_CONTROLS =
  'textarea, input:not([type]), input[type="text"], input[type="search"], [contenteditable]:not([contenteditable="false"]), [role="textbox"]';
const CHIP_FIELDS = new Set<EditorField>(['tags', 'materials']);
const ALL_FIELDS: EditorField[] = ['title', 'description', 'tags', 'materials'];
/** Text that sits inside these is a value or an action, never a field's label. */
const NOT_A_LABEL =
  'button, [role="button"], li, [role="listitem"], [role="option"], a, textarea, select, [contenteditable]:not([contenteditable="false"])';

function isUsable(element: Element): element is HTMLElement {
  if (element.closest('[hidden], [aria-hidden="true"]')) return false;
  if (element instanceof HTMLInputElement && element.readOnly) return false;
  // An editable descendant of another editable box is part of that box.
  const outer = element.parentElement?.closest('[contenteditable]:not([contenteditable="false"])');
  return !outer;
}

function textControls(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll(TEXT_CONTROLS)].filter(isUsable);
}

/** The kind of control each field can have. */
function fits(field: EditorField, control: HTMLElement): boolean {
  if (CHIP_FIELDS.has(field)) return control instanceof HTMLInputElement;
  if (field === 'title')
    return !control.isContentEditable && control.getAttribute('role') !== 'textbox';
  return true;
}

/**
 * The control's own block: climb while the parent still holds no other text control,
 * so the block is everything that belongs to this field and nothing of the next one.
 */
function fieldBlock(control: HTMLElement): HTMLElement {
  let block = control;
  while (block.parentElement && block.parentElement !== block.ownerDocument.body) {
    const parent = block.parentElement;
    if (parent.tagName === 'FORM') break;
    if (textControls(parent).some((other) => other !== control)) break;
    block = parent;
  }
  return block;
}

function textOfIds(doc: Document, ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => doc.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** A group's name: its legend, aria-labelledby or aria-label. */
function groupName(group: Element): string {
  const legend = group.tagName === 'FIELDSET' ? group.querySelector(':scope > legend') : null;
  return (
    legend?.textContent ??
    (textOfIds(group.ownerDocument, group.getAttribute('aria-labelledby')) ||
      group.getAttribute('aria-label') ||
      '')
  );
}

/** Names the markup binds to the control: label[for] or wrapping label, aria-labelledby, aria-label. */
function boundNames(control: HTMLElement): string[] {
  const doc = control.ownerDocument;
  const names: string[] = [];
  const labels =
    'labels' in control && control.labels
      ? [...(control.labels as NodeListOf<HTMLLabelElement>)]
      : control.id
        ? [...doc.querySelectorAll(`label[for="${CSS.escape(control.id)}"]`)]
        : [];
  // A wrapping label's text includes the control's own text: leave that out.
  for (const label of labels) names.push(ownText(label));
  names.push(textOfIds(doc, control.getAttribute('aria-labelledby')));
  names.push(control.getAttribute('aria-label') ?? '');
  return names.filter(Boolean);
}

/** An element's text without the text of controls and buttons inside it. */
function ownText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy
    .querySelectorAll('textarea, input, select, button, [contenteditable]')
    .forEach((node) => node.remove());
  return copy.textContent ?? '';
}

/** The enclosing fieldset or [role=group] that holds only this field's control. */
function enclosingGroup(control: HTMLElement): HTMLElement | null {
  const group = control.closest<HTMLElement>('fieldset, [role="group"]');
  if (!group) return null;
  return textControls(group).every((other) => other === control) ? group : null;
}

function byKnownIds(root: ParentNode, field: EditorField): FoundField | null {
  const known = KNOWN_FIELDS[field];
  for (const selector of known.control) {
    const control = root.querySelector<HTMLElement>(selector);
    if (!control || !isUsable(control)) continue;
    const container =
      known.container.map((s) => control.closest<HTMLElement>(s)).find(Boolean) ??
      fieldBlock(control);
    return { field, control, container, layer: 'known' };
  }
  for (const selector of known.container) {
    const container = root.querySelector<HTMLElement>(selector);
    const control = container && textControls(container).find((c) => fits(field, c));
    if (container && control) return { field, control, container, layer: 'known' };
  }
  return null;
}

function byStructure(
  root: ParentNode,
  field: EditorField,
  taken: Set<HTMLElement>,
): FoundField | null {
  for (const control of textControls(root)) {
    if (taken.has(control) || !fits(field, control)) continue;
    if (boundNames(control).some((name) => fieldNamedBy(name) === field)) {
      return {
        field,
        control,
        container: enclosingGroup(control) ?? fieldBlock(control),
        layer: 'structure',
      };
    }
    const group = enclosingGroup(control);
    if (group && fieldNamedBy(groupName(group)) === field) {
      return { field, control, container: group, layer: 'structure' };
    }
  }
  return null;
}

/** Short text-only elements whose text names a field: a visible label with no binding. */
function visibleLabels(root: ParentNode, field: EditorField): Element[] {
  return [
    ...root.querySelectorAll('label, legend, span, p, div, h2, h3, h4, h5, h6, strong, b, dt'),
  ].filter(
    (element) =>
      !element.closest(NOT_A_LABEL) &&
      !element.closest('[hidden], [aria-hidden="true"]') &&
      element.querySelector(TEXT_CONTROLS) === null &&
      fieldNamedBy(element.textContent ?? '') === field,
  );
}

function byVisibleLabel(
  root: ParentNode,
  field: EditorField,
  taken: Set<HTMLElement>,
): FoundField | null {
  for (const label of visibleLabels(root, field)) {
    // The nearest block around the label that holds a control; the control after the label.
    for (let scope = label.parentElement; scope; scope = scope.parentElement) {
      const controls = textControls(scope);
      if (controls.length === 0) continue;
      const control = controls.find(
        (candidate) =>
          !taken.has(candidate) &&
          fits(field, candidate) &&
          label.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      if (!control) break;
      return {
        field,
        control,
        container: enclosingGroup(control) ?? fieldBlock(control),
        layer: 'label',
      };
    }
  }
  return null;
}

/**
 * Finds each SEO field in layers, first hit wins: Etsy's known ids and names, then the
 * page's structure and ARIA, then visible label text in Etsy's UI languages. A control
 * one field claimed is not offered to the next.
 */
export function findFields(root: ParentNode): Partial<Record<EditorField, FoundField>> {
  const found: Partial<Record<EditorField, FoundField>> = {};
  const taken = new Set<HTMLElement>();
  const claim = (hit: FoundField | null) => {
    if (!hit) return;
    found[hit.field] = hit;
    taken.add(hit.control);
  };
  for (const field of ALL_FIELDS) claim(byKnownIds(root, field));
  for (const field of ALL_FIELDS) if (!found[field]) claim(byStructure(root, field, taken));
  for (const field of ALL_FIELDS) if (!found[field]) claim(byVisibleLabel(root, field, taken));
  return found;
}
