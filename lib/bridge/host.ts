import type { Browser } from 'wxt/browser';
import type { EditorAdapter } from '@/lib/editor/adapter';
import type { EditorRoute } from '@/lib/editor/route';
import { placeFrame } from './frame';
import type { PanelMount } from './mount';
import { PanelEnvelopeSchema, type PageEnvelope, type PanelEnvelope } from './protocol';

function whenParsed(run: () => void) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run, { once: true });
  } else run();
}

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * Serves the panel in `mount` for one listing: says which listing it is, sends the editor's
 * readouts, and does what the panel asks (place its frame, fill, show a field). Returns the
 * function that stops serving.
 */
export function servePanel(
  mount: PanelMount,
  route: EditorRoute,
  editor: EditorAdapter,
): () => void {
  let session: AbortController | null = null;

  const serve = (port: Browser.runtime.Port) => {
    session?.abort();
    const current = new AbortController();
    session = current;
    const { signal } = current;
    const send = (envelope: PageEnvelope) => port.postMessage(envelope);
    const fills = new Map<number, AbortController>();
    const onResize = () => send({ type: 'viewport', viewport: viewport() });

    port.onMessage.addListener((raw: unknown) => {
      const parsed = PanelEnvelopeSchema.safeParse(raw);
      if (parsed.success && !signal.aborted) void act(parsed.data);
    });
    const act = async (envelope: PanelEnvelope) => {
      if (envelope.type === 'place') placeFrame(mount.frame, envelope.placement);
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
    port.onDisconnect.addListener(() => current.abort());
    window.addEventListener('resize', onResize, { signal });
    send({ type: 'hello', route, viewport: viewport() });
    // The panel may connect while Etsy's page is still parsing; it reads the form only once
    // parsed, so it never grades a half-written page.
    whenParsed(() => {
      if (!signal.aborted) editor.watch((readout) => send({ type: 'readout', readout }), signal);
    });
  };

  mount.onPort(serve);
  return () => session?.abort();
}
