import type { ListingText } from '@/lib/listing';
import { readChips } from './chips';
import { findFields, type FoundField, type Layer } from './find';
import type { EditorField } from './labels';
import { CATEGORY_PATH, CATEGORY_SEPARATOR } from './selectors';

type FieldReport =
  | {
      status: 'read';
      layer: Layer;
      /** A rich-text (contenteditable) box, not a textarea. */ rich: boolean;
    }
  | { status: 'unread'; reason: string };

export interface EditorReadout {
  /** The text as it is now. A field that wasn't read holds '' or [] here: check `fields`. */
  listing: ListingText;
  fields: Record<EditorField, FieldReport>;
}

export const EDITOR_FIELDS: EditorField[] = ['title', 'description', 'tags', 'materials'];

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

/** A rich-text box's text: one line per block, as the seller sees it. */
function richText(element: Element): string {
  const lines: string[] = [];
  let line = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) line += child.textContent ?? '';
      else if (child instanceof Element && child.tagName === 'BR') {
        if (!(
          child.parentElement &&
          BLOCKS.has(child.parentElement.tagName) &&
          child.parentElement.childNodes.length === 1
        )) {
          lines.push(line);
          line = '';
        }
      } else if (child instanceof Element && BLOCKS.has(child.tagName)) {
        if (line) lines.push(line);
        line = '';
        walk(child);
        lines.push(line);
        line = '';
      } else walk(child);
    }
  };
  walk(element);
  if (line) lines.push(line);
  return lines.join('\n');
}

export function isRich(control: HTMLElement): boolean {
  return !(control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement);
}

/** The text a title or description control holds now. */
export function controlText(control: HTMLElement): string {
  return isRich(control) ? richText(control) : (control as HTMLTextAreaElement).value;
}

function readText(found: FoundField | undefined, field: EditorField) {
  if (!found) return { value: '', report: unread(field) };
  const rich = isRich(found.control);
  return {
    value: controlText(found.control),
    report: { status: 'read', layer: found.layer, rich } as const,
  };
}

function readList(found: FoundField | undefined, field: EditorField) {
  if (!found) return { value: [] as string[], report: unread(field) };
  const chips = readChips(found.container, found.control);
  if (!chips.ok)
    return { value: [] as string[], report: { status: 'unread', reason: chips.reason } as const };
  return {
    value: chips.values,
    report: { status: 'read', layer: found.layer, rich: false } as const,
  };
}

function unread(field: EditorField): FieldReport {
  return { status: 'unread', reason: `no ${field} field on this page` };
}

/** Reads the listing's SEO text from the editor as it is now, without touching the page. */
export function readEditor(root: ParentNode): EditorReadout {
  const found = findFields(root);
  const title = readText(found.title, 'title');
  const description = readText(found.description, 'description');
  const tags = readList(found.tags, 'tags');
  const materials = readList(found.materials, 'materials');
  const category = CATEGORY_PATH.map((s) => root.querySelector(s)).find(Boolean);
  const path = category?.textContent?.trim() ?? '';
  return {
    listing: {
      title: title.value,
      description: description.value,
      tags: tags.value,
      materials: materials.value,
      categoryPath: path ? path.split(CATEGORY_SEPARATOR).map((part) => part.trim()) : [],
    },
    fields: {
      title: title.report,
      description: description.report,
      tags: tags.report,
      materials: materials.report,
    },
  };
}

/** Fields the panel must not grade, fill or send: the page didn't let us read them. */
export function unreadFields(readout: EditorReadout): EditorField[] {
  return EDITOR_FIELDS.filter((field) => readout.fields[field].status === 'unread');
}
