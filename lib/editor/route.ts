import { EDITOR_PATH } from './selectors';

export type EditorRoute =
  | { mode: 'edit'; listingId: string }
  /** `copy/<id>`: the id is the template's, not the new listing's. */
  | { mode: 'copy'; templateId: string }
  | { mode: 'create' };

/** Which listing-editor page a URL is, or null when it is not the editor. */
export function parseEditorRoute(href: string): EditorRoute | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.hostname !== 'www.etsy.com') return null;
  const match = EDITOR_PATH.exec(url.pathname);
  if (!match) return null;
  const [, mode, id] = match;
  if (mode === 'edit' && id) return { mode, listingId: id };
  if (mode === 'copy' && id) return { mode, templateId: id };
  if (mode === 'create' && !id) return { mode };
  return null;
}

/** A stable key: the panel starts afresh whenever it changes. */
export function routeKey(route: EditorRoute): string {
  if (route.mode === 'edit') return `edit:${route.listingId}`;
  if (route.mode === 'copy') return `copy:${route.templateId}`;
  return 'create';
}
