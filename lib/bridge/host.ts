import { browser, type Browser } from 'wxt/browser';
import type { EditorAdapter } from '@/lib/editor/adapter';
import type { EditorRoute } from '@/lib/editor/route';
import { createPanelFrame, placeFrame } from './frame';
import {
  PANEL_PAGE,
  PanelEnvelopeSchema,
  panelPortName,
  type PageEnvelope,
  type PanelEnvelope,
} from './protocol';

function whenParsed(run: () => void) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run, { once: true });
  } else run();
}

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * Shows the panel for one listing: adds its iframe and serves the one port the panel opens
 * back to this tab. Only a port from this extension named with this mount's token (in the
 * frame's URL), while the frame is on the page and no other panel is connected, is served;
 * the page's own scripts have no way to open one. Returns the function that takes it all
 * down again.
 */
export function hostPanel(route: EditorRoute, editor: EditorAdapter): () => void {
  const token = crypto.randomUUID();
  const src = `${browser.runtime.getURL(PANEL_PAGE)}#${token}`;
  const frame = createPanelFrame(src);
  let live: Browser.runtime.Port | null = null;
  let session: AbortController | null = null;

  const serve = (port: Browser.runtime.Port) => {
    live = port;
    session = new AbortController();
    const { signal } = session;
    const send = (envelope: PageEnvelope) => port.postMessage(envelope);
    const fills = new Map<number, AbortController>();
    const onResize = () => send({ type: 'viewport', viewport: viewport() });

    port.onMessage.addListener((raw: unknown) => {
      const parsed = PanelEnvelopeSchema.safeParse(raw);
      if (parsed.success && !signal.aborted) void act(parsed.data);
    });
    const act = async (envelope: PanelEnvelope) => {
      if (envelope.type === 'place') placeFrame(frame, envelope.placement);
      else if (envelope.type === 'show') editor.show(envelope.field, envelope.span);
      else if (envelope.type === 'cancelFill') fills.get(envelope.requestId)?.abort();
      else if (envelope.type === 'fill') {
        const fill = new AbortController();
        fills.set(envelope.requestId, fill);
        try {
          const report = await editor.fill(
            envelope.request,
            AbortSignal.any([signal, fill.signal]),
          );
          if (!signal.aborted) send({ type: 'filled', requestId: envelope.requestId, report });
        } catch {
          // Stopped: the panel cancelled it or went away, nobody to tell.
        } finally {
          fills.delete(envelope.requestId);
        }
      }
    };
    port.onDisconnect.addListener(() => {
      session?.abort();
      if (live === port) live = null;
    });
    window.addEventListener('resize', onResize, { signal });
    send({ type: 'hello', route, viewport: viewport() });
    // The panel loads while Etsy's page is still parsing; it reads the form once parsed, so
    // it never grades a half-written page.
    whenParsed(() => {
      if (!signal.aborted) editor.watch((readout) => send({ type: 'readout', readout }), signal);
    });
  };

  const onConnect = (port: Browser.runtime.Port) => {
    const fromOurFrame =
      port.name === panelPortName(token) &&
      port.sender?.id === browser.runtime.id &&
      frame.isConnected;
    if (!fromOurFrame || live) {
      port.disconnect();
      return;
    }
    serve(port);
  };
  browser.runtime.onConnect.addListener(onConnect);
  // From document_start on there may be no <body> yet; a fixed frame needs none.
  (document.body ?? document.documentElement).append(frame);

  return () => {
    browser.runtime.onConnect.removeListener(onConnect);
    session?.abort();
    live?.disconnect();
    frame.remove();
  };
}
