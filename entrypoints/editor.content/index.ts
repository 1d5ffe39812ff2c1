import { browser, defineContentScript } from '#imports';
import { EDITOR_HOST_SCRIPT, publishedEditorHost } from '@/lib/bridge/hook';
import { followEditorRoutes } from '@/lib/bridge/panels';
import { watchLocation } from '@/lib/editor/location';
import { SHOP_MANAGER_MATCHES } from '@/lib/editor/selectors';

/**
 * Runs on every Shop Manager page, so it stays tiny: it follows the address and, once the
 * tab reaches a listing editor, mounts the panel's frame and loads the editor half
 * (entrypoints/editor-host.ts), which reads Etsy's form and serves the panel.
 */
export default defineContentScript({
  matches: SHOP_MANAGER_MATCHES,
  // The panel's frame starts loading while Etsy's page is still parsing.
  runAt: 'document_start',
  main(ctx) {
    const panels = followEditorRoutes(() =>
      import(/* @vite-ignore */ browser.runtime.getURL(EDITOR_HOST_SCRIPT)).then(
        publishedEditorHost,
        () => undefined,
      ),
    );
    watchLocation(panels.sync);
    panels.sync(location.href);
    // WXT invalidates this context when any script on the page fakes its "content script
    // started" event, and can't be told otherwise. Only a real invalidation (the extension
    // was reloaded or removed, so this script is orphaned) takes the panel down.
    ctx.onInvalidated(() => {
      if (!browser.runtime?.id) panels.stop();
    });
  },
});
