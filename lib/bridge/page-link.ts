import { browser, type Browser } from 'wxt/browser';
import type { EditorAdapter } from '@/lib/editor/adapter';
import type { EditorReadout } from '@/lib/editor/read';
import type { FillReport } from '@/lib/editor/write';
import type { EditorRoute } from '@/lib/editor/route';
import { panelPortName } from './names';
import {
  PageEnvelopeSchema,
  type FramePlacement,
  type PageEnvelope,
  type PanelEnvelope,
  type Viewport,
} from './protocol';

/** The panel's side of the bridge: the editor in its tab, and where its frame sits. */
export interface PageLink {
  route: EditorRoute;
  editor: EditorAdapter;
  /** The editor's latest readout. */
  readout(): EditorReadout;
  /** Calls `onChange` on each new readout; returns the unsubscribe. */
  onReadout(onChange: () => void): () => void;
  viewport(): Viewport;
  /** Calls `onChange` when the tab's viewport is resized; returns the unsubscribe. */
  onViewport(onChange: () => void): () => void;
  place(placement: FramePlacement): void;
}

const HELLO_TIMEOUT_MS = 10_000;

/**
 * The port to the content script in this frame's tab (top frame only), named with the token
 * in this frame's URL. Chromium lets the framed panel reach its tab itself. Firefox gives an
 * extension page framed in a web page no `tabs` API, so there the background opens the port
 * on the panel's behalf and relays it (lib/bridge/relay.ts).
 */
async function openPagePort(): Promise<Browser.runtime.Port> {
  const token = location.hash.slice(1);
  if (!token) throw new Error('The panel isn’t inside Etsy’s editor.');
  const name = panelPortName(token);
  const tabs = browser.tabs as typeof browser.tabs | undefined;
  if (!tabs) return browser.runtime.connect({ name });
  const tab = await tabs.getCurrent();
  if (tab?.id === undefined) throw new Error('The panel isn’t inside a tab.');
  return tabs.connect(tab.id, { frameId: 0, name });
}

/**
 * Opens the port to the content script in this frame's tab and waits for it to say which
 * listing this is and send its first readout, so the panel's first render can show the grade.
 * Fails when the frame isn't inside the editor's tab, or nobody answers.
 */
export async function connectToPage(): Promise<PageLink> {
  const port = await openPagePort();
  const send = (envelope: PanelEnvelope) => port.postMessage(envelope);

  let viewport: Viewport = { width: 0, height: 0 };
  let readout: EditorReadout | null = null;
  const viewportListeners = new Set<() => void>();
  const readoutListeners = new Set<(readout: EditorReadout) => void>();
  const fills = new Map<number, { resolve: (r: FillReport) => void; reject: (e: Error) => void }>();
  let nextFill = 1;

  const hello = new Promise<{ route: EditorRoute; readout: EditorReadout }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The page didn’t answer.')), HELLO_TIMEOUT_MS);
    let route: EditorRoute | null = null;
    const receive = (envelope: PageEnvelope) => {
      if (envelope.type === 'hello') {
        viewport = envelope.viewport;
        route = envelope.route;
      } else if (envelope.type === 'viewport') {
        viewport = envelope.viewport;
        viewportListeners.forEach((listener) => listener());
      } else if (envelope.type === 'readout') {
        readout = envelope.readout;
        readoutListeners.forEach((listener) => listener(envelope.readout));
        if (route) {
          clearTimeout(timer);
          resolve({ route, readout });
        }
      } else if (envelope.type === 'filled') {
        fills.get(envelope.requestId)?.resolve(envelope.report);
        fills.delete(envelope.requestId);
      }
    };
    port.onMessage.addListener((raw: unknown) => {
      const parsed = PageEnvelopeSchema.safeParse(raw);
      if (parsed.success) receive(parsed.data);
    });
    port.onDisconnect.addListener(() => {
      clearTimeout(timer);
      reject(new Error('The page closed the connection.'));
      for (const fill of fills.values()) fill.reject(new Error('The page closed the connection.'));
      fills.clear();
    });
  });
  const first = await hello;

  const editor: EditorAdapter = {
    watch(onChange, signal) {
      readoutListeners.add(onChange);
      signal.addEventListener('abort', () => readoutListeners.delete(onChange));
      if (readout) onChange(readout);
    },
    fill(request, signal) {
      const requestId = nextFill++;
      return new Promise((resolve, reject) => {
        fills.set(requestId, { resolve, reject });
        signal.addEventListener('abort', () => {
          fills.delete(requestId);
          send({ type: 'cancelFill', requestId });
          reject(new Error('Fill stopped.'));
        });
        send({ type: 'fill', requestId, request });
      });
    },
    show: (field, span) => send({ type: 'show', field, span }),
  };
  return {
    route: first.route,
    editor,
    readout: () => readout ?? first.readout,
    onReadout(onChange) {
      readoutListeners.add(onChange);
      return () => readoutListeners.delete(onChange);
    },
    viewport: () => viewport,
    onViewport(onChange) {
      viewportListeners.add(onChange);
      return () => viewportListeners.delete(onChange);
    },
    place: (placement) => send({ type: 'place', placement }),
  };
}
