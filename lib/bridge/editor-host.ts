import { pageEditor } from '@/lib/editor/adapter';
import { parseEditorRoute, routeKey } from '@/lib/editor/route';
import { hostPanel } from './host';

/** The editor half of the content script, loaded only once the tab reaches a listing editor. */
export interface EditorHost {
  /** Shows the panel for the listing at `href`, a fresh one per listing, none off the editor. */
  sync(href: string): void;
  stop(): void;
}

/** Where the loader finds it: built as its own file, imported on the first editor route. */
export const EDITOR_HOST_SCRIPT = '/editor-host.js';
const GLOBAL_KEY = 'etsySeoCopilotEditorHost';

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

/**
 * The imported script hands its host to the loader through the content script's own global
 * object: an isolated world the page's scripts don't share.
 */
export function publishEditorHost(host: EditorHost): void {
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = host;
}

export function publishedEditorHost(): EditorHost | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_KEY] as EditorHost | undefined;
}
