// First: it starts connecting to the page before the modules below are evaluated.
import { connected } from './connect';
import '@/components/panel/panel.css';
import './frame.css';
import { showPanel } from '@/components/panel/show';

/**
 * The panel: an extension page the content script shows in an iframe on Etsy's listing
 * editor, out of reach of Etsy's own scripts. Without its content script (opened on its own,
 * or embedded by some other page) it shows nothing.
 */
void connected.then(
  ([link, layout]) => showPanel(document.getElementById('root')!, link, layout),
  () => undefined,
);
