import { lazy, Suspense, useMemo } from 'react';
import type { PageLink } from '@/lib/bridge/page-link';
import { unreadFields } from '@/lib/editor/read';
import type { EditorRoute } from '@/lib/editor/route';
import type { PanelLayout } from '@/lib/panel-layout';
import { checkListing } from '@/lib/seo';
import { FieldsFoundLine, WhatWasRead } from './FieldsFound';
import { GradeSection } from './GradeSection';
import { PanelShell } from './PanelShell';
import { useEditorReadout } from './useEditorReadout';
import { useFramePlacement, useViewport } from './useFramePlacement';
import { usePanelLayout } from './usePanelLayout';

/** A task after the current one: a MessageChannel's, which hidden frames don't throttle. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Suggest, review, fill and publish (with the background's messaging and full zod) start
 * loading after the task that renders the panel and places its frame: the grade needs none
 * of them.
 */
const Workbench = lazy(() =>
  nextTask()
    .then(() => import('./Workbench'))
    .then((module) => ({ default: module.Workbench })),
);

function routeLabel(route: EditorRoute): string {
  if (route.mode === 'edit') return `Listing ${route.listingId}`;
  if (route.mode === 'copy') return `New listing (copy of ${route.templateId})`;
  return 'New listing';
}

function openShopPage() {
  void import('@/lib/messaging/protocol').then(({ request }) => request('openShopPage'));
}

/**
 * The seller's loop for one listing: read, grade, suggest, review, apply. It reaches Etsy's
 * editor only through `link` (the content script in its tab).
 */
export function PanelApp({ link, layout: stored }: { link: PageLink; layout: PanelLayout }) {
  const { route, editor } = link;
  const [layout, setLayout] = usePanelLayout(stored);
  const viewport = useViewport(link);
  const sizer = useFramePlacement(link, layout.offset);
  const readout = useEditorReadout(link);

  const { listing } = readout;
  const unread = useMemo(() => unreadFields(readout), [readout]);
  const result = useMemo(() => checkListing(listing, unread), [listing, unread]);

  return (
    <PanelShell
      layout={layout}
      onLayout={setLayout}
      viewport={viewport}
      sizer={sizer}
      subtitle={<span data-testid="panel-listing">{routeLabel(route)}</span>}
    >
      <p className="muted">
        <button type="button" className="link" onClick={openShopPage}>
          All listings
        </button>{' '}
        — every listing of the shop, graded
      </p>
      <p className="panel__current" data-testid="panel-title" title="The title as it is now">
        {listing.title || <span className="muted">No title yet</span>}
      </p>
      <FieldsFoundLine readout={readout} />
      <GradeSection result={result} unread={unread} onShow={editor.show} />
      <WhatWasRead readout={readout} />
      <Suspense fallback={null}>
        <Workbench route={route} editor={editor} listing={listing} unread={unread} />
      </Suspense>
    </PanelShell>
  );
}
