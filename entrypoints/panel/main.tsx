import '@/lib/zod-config';
import '@/components/panel/panel.css';
import './frame.css';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '@/components/panel/PanelApp';
import { connectToPage } from '@/lib/bridge/page-link';
import { panelLayout } from '@/lib/settings';

/**
 * The panel: an extension page the content script shows in an iframe on Etsy's listing
 * editor, out of reach of Etsy's own scripts. Without its content script (opened on its own,
 * or embedded by some other page) it shows nothing.
 */
void Promise.all([connectToPage(), panelLayout.getValue()]).then(
  ([link, layout]) =>
    createRoot(document.getElementById('root')!).render(<PanelApp link={link} layout={layout} />),
  () => undefined,
);
