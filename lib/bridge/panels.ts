import { parseEditorRoute, routeKey } from '@/lib/editor/route';
import type { EditorHost } from './hook';
import { mountPanelFrame } from './mount';

/**
 * One panel per listing, none off the editor. On an editor route the panel's frame is
 * mounted at once, so its page loads while `loadHost` (the content script's editor half,
 * imported once) is still loading; the host serves the frame when it is there.
 */
export function followEditorRoutes(loadHost: () => Promise<EditorHost | undefined>) {
  let host: Promise<EditorHost | undefined> | null = null;
  let current: { key: string; stop: () => void } | null = null;
  const stop = () => {
    current?.stop();
    current = null;
  };
  return {
    sync(href: string) {
      const route = parseEditorRoute(href);
      const key = route ? routeKey(route) : null;
      if (current?.key === key) return;
      stop();
      if (!route || !key) return;
      const mount = mountPanelFrame();
      let stopped = false;
      let stopServing: (() => void) | undefined;
      host ??= loadHost();
      void host.then((editor) => {
        if (!stopped) stopServing = editor?.serve(mount, route);
      });
      current = {
        key,
        stop: () => {
          stopped = true;
          stopServing?.();
          mount.remove();
        },
      };
    },
    stop,
  };
}
