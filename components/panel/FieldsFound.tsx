import type { EditorReadout } from '@/lib/editor/read';
import { EDITOR_FIELDS } from '@/lib/editor/read';

const LAYER = { structure: 'page structure', label: 'label text' } as const;

/**
 * One quiet line when a field was found only through a fallback, or not at all: the
 * facts a bug report needs when Etsy changes its markup.
 */
export function FieldsFoundLine({ readout }: { readout: EditorReadout }) {
  const found = { structure: [] as string[], label: [] as string[] };
  const unread: string[] = [];
  for (const field of EDITOR_FIELDS) {
    const report = readout.fields[field];
    if (report.status === 'unread') unread.push(`${field} (${report.reason})`);
    else if (report.layer !== 'known') found[report.layer].push(field);
  }
  const sentences = [
    ...(['structure', 'label'] as const).map((layer) =>
      found[layer].length ? `Found by ${LAYER[layer]}: ${found[layer].join(', ')}.` : '',
    ),
    unread.length
      ? `Couldn’t read ${unread.join(', ')}: not graded, filled, published or sent to the model.`
      : '',
  ].filter(Boolean);
  if (!sentences.length) return null;
  return (
    <p className="muted fields-found" role="status" data-testid="panel-fields">
      {sentences.join(' ')}
    </p>
  );
}

/** What the panel read from the page, to compare with what the seller sees. */
export function WhatWasRead({ readout }: { readout: EditorReadout }) {
  const { listing, fields } = readout;
  const shown = (field: (typeof EDITOR_FIELDS)[number], value: string) =>
    fields[field].status === 'read' ? value : 'couldn’t read';
  return (
    <details className="notes" data-testid="panel-read">
      <summary>What the panel read</summary>
      <dl className="read-list">
        <dt>Title</dt>
        <dd data-testid="read-title">{shown('title', listing.title)}</dd>
        <dt>Tags ({fields.tags.status === 'read' ? listing.tags.length : '?'})</dt>
        <dd data-testid="read-tags">{shown('tags', listing.tags.join(' | '))}</dd>
        <dt>Materials</dt>
        <dd data-testid="read-materials">{shown('materials', listing.materials.join(' | '))}</dd>
        <dt>Description</dt>
        <dd>
          <pre className="read-list__text" data-testid="read-description">
            {shown('description', listing.description)}
          </pre>
        </dd>
      </dl>
    </details>
  );
}
