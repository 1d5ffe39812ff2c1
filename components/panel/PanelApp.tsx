import type { EditorRoute } from '@/lib/editor/route';
import { useEditorReadout } from './useEditorReadout';

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  description: 'description',
  tagsField: 'tags',
};

function routeLabel(route: EditorRoute): string {
  if (route.mode === 'edit') return `Listing ${route.listingId}`;
  if (route.mode === 'copy') return `New listing (copy of ${route.templateId})`;
  return 'New listing';
}

export function PanelApp({ route }: { route: EditorRoute }) {
  const readout = useEditorReadout();
  const missing = readout?.missing.filter((field) => field in FIELD_LABELS) ?? [];
  return (
    <section className="panel" aria-label="Etsy SEO Copilot">
      <header className="panel__header">
        <h2 className="panel__title">SEO Copilot</h2>
        <span className="panel__listing" data-testid="panel-listing">
          {routeLabel(route)}
        </span>
      </header>
      {readout === null ? (
        <p className="panel__muted">Reading the listing…</p>
      ) : (
        <>
          <p className="panel__label">Title</p>
          <p className="panel__value" data-testid="panel-title">
            {readout.listing.title || <span className="panel__muted">No title yet</span>}
          </p>
          {missing.length > 0 && (
            <p className="panel__notice" role="status" data-testid="panel-missing">
              Couldn’t find the {missing.map((field) => FIELD_LABELS[field]).join(' and ')} field on
              this page. Grading works with what was found.
            </p>
          )}
        </>
      )}
    </section>
  );
}
