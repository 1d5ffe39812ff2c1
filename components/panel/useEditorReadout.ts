import { useSyncExternalStore } from 'react';
import type { PageLink } from '@/lib/bridge/page-link';
import type { EditorReadout } from '@/lib/editor/read';

/** The editor's fields, live as the seller types (the link holds one from the start). */
export function useEditorReadout(link: PageLink): EditorReadout {
  return useSyncExternalStore(link.onReadout, link.readout);
}
