import { createRoot } from 'react-dom/client';
import type { PageLink } from '@/lib/bridge/page-link';
import type { PanelLayout } from '@/lib/panel-layout';
import { PanelApp } from './PanelApp';

/** Renders the panel into `root`: React and the checker, the panel page's second chunk. */
export function showPanel(root: HTMLElement, link: PageLink, layout: PanelLayout): void {
  createRoot(root).render(<PanelApp link={link} layout={layout} />);
}
