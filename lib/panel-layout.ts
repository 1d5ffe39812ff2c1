import { storage } from '#imports';

/** How the seller left the panel on the editor: collapsed, where, which theme. */
export interface PanelLayout {
  collapsed: boolean;
  /** Distance from the viewport's right and bottom edges, in px. */
  offset: { right: number; bottom: number };
  theme: 'system' | 'light' | 'dark';
}

/**
 * In storage.sync: storage.local is closed to content scripts. A module of its own (no zod),
 * so the panel reads it in its first, small chunk.
 */
export const panelLayout = storage.defineItem<PanelLayout>('sync:panelLayout', {
  fallback: { collapsed: false, offset: { right: 24, bottom: 96 }, theme: 'system' },
});
