import { browser, defineContentScript } from '#imports';
import { EDITOR_HOST_SCRIPT, publishedEditorHost, type EditorHost } from '@/lib/bridge/hook';
import { watchLocation } from '@/lib/editor/location';
import { parseEditorRoute } from '@/lib/editor/route';
import { SHOP_MANAGER_MATCHES } from '@/lib/editor/selectors';

/**
 * Runs on every Shop Manager page, so it stays tiny: it follows the address and, once the
 * tab reaches a listing editor, loads the editor half (entrypoints/editor-host.ts), which shows
 * the panel in its own extension frame.
 */
export default defineContentScript({
  matches: SHOP_MANAGER_MATCHES,
  // The panel's frame starts loading while Etsy's page is still parsing.
  runAt: 'document_start',
  main(ctx) {
    let host: Promise<EditorHost | undefined> | null = null;
    const sync = (href: string) => {
      if (!host && !parseEditorRoute(href)) return;
      host ??= import(/* @vite-ignore */ browser.runtime.getURL(EDITOR_HOST_SCRIPT)).then(
        publishedEditorHost,
      );
      void host.then((editor) => editor?.sync(location.href));
    };
    watchLocation(sync);
    sync(location.href);
    // WXT invalidates this context when any script on the page fakes its "content script
    // started" event, and can't be told otherwise. Only a real invalidation (the extension
    // was reloaded or removed, so this script is orphaned) takes the panel down.
    ctx.onInvalidated(() => {
      if (!browser.runtime?.id) void host?.then((editor) => editor?.stop());
    });
  },
});
