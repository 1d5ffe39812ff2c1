import '@/lib/zod-mini-config';
import { connectToPage } from '@/lib/bridge/page-link';
import { panelLayout } from '@/lib/panel-layout';

/**
 * Starts connecting to the page as this module is evaluated: main.tsx imports it before React,
 * so the round trips to the tab run while React and the checker are evaluated.
 */
export const connected = Promise.all([connectToPage(), panelLayout.getValue()]);
