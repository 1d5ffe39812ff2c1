import { pageEditor } from '@/lib/editor/adapter';
import type { EditorHost } from './hook';
import { servePanel } from './host';

/** The editor half of the content script: serves each panel the loader mounts. */
export function createEditorHost(): EditorHost {
  return { serve: (mount, route) => servePanel(mount, route, pageEditor(document)) };
}
