import { browser } from '#imports';
import type { ListingText, Suggestion } from '@/lib/listing';
import type { UserError } from '@/lib/messaging/errors';
import {
  ServerEnvelopeSchema,
  SUGGEST_PORT_NAME,
  type ClientEnvelope,
  type ProgressEnvelope,
  type SuggestResult,
  type UnreadField,
} from './stream-protocol';

export interface SuggestionStreamHandlers {
  /** Stage changes and which fields have arrived ("title done, 5 of 13 tags…"). */
  onProgress?: (progress: ProgressEnvelope) => void;
  /** Raw answer text as it streams, for a live preview. */
  onText?: (delta: string) => void;
  onResult: (result: SuggestResult) => void;
  /** `fallback` holds offline suggestions to show instead. */
  onError: (error: UserError, fallback?: Suggestion) => void;
}

export interface SuggestionStream {
  requestId: string;
  /** Stops the run; the model stops generating. No handler is called afterwards. */
  cancel(): void;
}

/** Keeps the service worker awake while a slow model thinks (it idles out after ~30 s). */
const PING_EVERY_MS = 20_000;

const LOST: UserError = {
  source: 'extension',
  code: 'connection-lost',
  message: 'The connection to the extension was lost before the suggestions finished.',
  action: 'Try again. If the extension was just updated, reload this page first.',
};

/**
 * Asks the background for suggestions for one listing and streams the answer. Use from
 * any extension UI (panel content script, popup, options page):
 *
 *   const stream = startSuggestionStream(listing, { onProgress, onResult, onError });
 *   stream.cancel();
 */
export function startSuggestionStream(
  listing: ListingText,
  handlers: SuggestionStreamHandlers,
  options: { refresh?: boolean; unread?: readonly UnreadField[] } = {},
): SuggestionStream {
  const requestId = crypto.randomUUID();
  const port = browser.runtime.connect({ name: SUGGEST_PORT_NAME });
  let finished = false;
  const finish = () => {
    finished = true;
    clearInterval(pinger);
  };
  const send = (envelope: ClientEnvelope) => port.postMessage(envelope);
  const pinger = setInterval(() => send({ type: 'ping', requestId }), PING_EVERY_MS);

  port.onMessage.addListener((raw: unknown) => {
    const parsed = ServerEnvelopeSchema.safeParse(raw);
    if (finished || !parsed.success || parsed.data.requestId !== requestId) return;
    const envelope = parsed.data;
    if (envelope.type === 'progress') handlers.onProgress?.(envelope);
    else if (envelope.type === 'chunk') handlers.onText?.(envelope.text);
    else if (envelope.type === 'done') {
      finish();
      handlers.onResult(envelope.result);
    } else if (envelope.type === 'error') {
      finish();
      handlers.onError(envelope.error, envelope.fallback);
    }
  });
  port.onDisconnect.addListener(() => {
    if (finished) return;
    finish();
    handlers.onError(LOST);
  });
  send({
    type: 'start',
    requestId,
    listing,
    unread: [...(options.unread ?? [])],
    refresh: options.refresh ?? false,
  });

  return {
    requestId,
    cancel() {
      if (finished) return;
      finish();
      port.disconnect();
    },
  };
}
