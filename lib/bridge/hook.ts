import type { EditorRoute } from '@/lib/editor/route';
import type { PanelMount } from './mount';

/**
 * How the content script's loader and its editor half meet. A module of its own, so the
 * loader (on every Shop Manager page) pulls in nothing else.
 */
export interface EditorHost {
  /** Serves the panel in `mount` for the listing at `route`; returns the function that stops. */
  serve(mount: PanelMount, route: EditorRoute): () => void;
}

/** The editor half, built as its own file and imported on the first editor route. */
export const EDITOR_HOST_SCRIPT = '/editor-host.js';
const GLOBAL_KEY = 'etsySeoCopilotEditorHost';

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
