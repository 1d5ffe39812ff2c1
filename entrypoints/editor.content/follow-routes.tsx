import {
  createShadowRootUi,
  type ContentScriptContext,
  type ShadowRootContentScriptUi,
} from '#imports';
import { createRoot, type Root } from 'react-dom/client';
import { pageEditor } from '@/lib/editor/adapter';
import { parseEditorRoute, routeKey, type EditorRoute } from '@/lib/editor/route';
import { PanelApp } from '@/components/panel/PanelApp';

export const PANEL_TAG = 'etsy-seo-copilot';

/**
 * Mounts the panel while the tab shows a listing editor, unmounts it when the seller
 * leaves, and mounts a fresh one when they switch listings — including Etsy's
 * in-page (pushState) navigation, which no document load announces.
 */
export function followEditorRoutes(ctx: ContentScriptContext): void {
  let current: { key: string; ui: ShadowRootContentScriptUi<Root> } | null = null;

  const sync = async (href: string) => {
    const route = parseEditorRoute(href);
    const key = route ? routeKey(route) : null;
    if (current?.key === key) return;
    current?.ui.remove();
    current = null;
    if (!route || !key) return;
    const ui = await mountPanel(ctx, route);
    if (ctx.isInvalid || parseEditorRoute(location.href) === null) {
      ui.remove();
      return;
    }
    current = { key, ui };
  };

  let queue = Promise.resolve();
  const enqueue = (href: string) => {
    queue = queue.then(() => sync(href)).catch(() => undefined);
  };
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => enqueue(newUrl.href));
  ctx.onInvalidated(() => current?.ui.remove());
  enqueue(location.href);
}

async function mountPanel(ctx: ContentScriptContext, route: EditorRoute) {
  const ui = await createShadowRootUi<Root>(ctx, {
    name: PANEL_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change'],
    onMount(container) {
      const root = createRoot(container);
      root.render(<PanelApp route={route} editor={pageEditor(document)} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return ui;
}
