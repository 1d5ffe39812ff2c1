import { pageEditor } from '@/lib/editor/adapter';
import { parseEditorRoute, routeKey } from '@/lib/editor/route';
import type { EditorHost } from './hook';
import { hostPanel } from './host';

/** The editor half of the content script: one panel per listing, none off the editor. */
export function createEditorHost(): EditorHost {
  let current: { key: string; remove: () => void } | null = null;
  const stop = () => {
    current?.remove();
    current = null;
  };
  return {
    sync(href) {
      const route = parseEditorRoute(href);
      const key = route ? routeKey(route) : null;
      if (current?.key === key) return;
      stop();
      if (route && key) current = { key, remove: hostPanel(route, pageEditor(document)) };
    },
    stop,
  };
}
