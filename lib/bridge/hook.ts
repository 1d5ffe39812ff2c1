/**
 * How the content script's loader and its editor half meet. A module of its own, so the
 * loader (on every Shop Manager page) pulls in nothing else.
 */
export interface EditorHost {
  /** Shows the panel for the listing at `href`, a fresh one per listing, none off the editor. */
  sync(href: string): void;
  stop(): void;
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
