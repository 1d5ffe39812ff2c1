import { guardedOffline } from '@/lib/guard';
import type { UserError } from '@/lib/messaging/errors';
import { userErrorFromModel } from './errors';
import { ClientEnvelopeSchema, type ServerEnvelope, type SuggestResult } from './stream-protocol';
import type { SuggestRun } from './suggest';

/** The parts of `runtime.Port` the server uses; a mock port in unit tests. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(callback: (message: unknown) => void): void };
  onDisconnect: { addListener(callback: () => void): void };
}

const BAD_REQUEST: UserError = {
  source: 'extension',
  code: 'bad-request',
  message: 'The suggestion request was malformed.',
  action: 'Reload the page and try again.',
};

/**
 * Serves one suggestion run on one port: validates envelopes, streams progress, ends with
 * done/error and disconnects. The UI disconnecting aborts the run (and the model's
 * generation); an abort the UI caused is not reported as an error.
 */
export function serveSuggestPort(
  port: PortLike,
  run: (request: SuggestRun) => Promise<SuggestResult>,
): void {
  const controller = new AbortController();
  let connected = true;
  let started = false;
  const post = (envelope: ServerEnvelope) => {
    if (connected) port.postMessage(envelope);
  };
  const close = () => {
    if (!connected) return;
    connected = false;
    port.disconnect();
  };
  port.onDisconnect.addListener(() => {
    connected = false;
    controller.abort(new DOMException('The seller cancelled the suggestion', 'AbortError'));
  });
  port.onMessage.addListener((raw) => {
    const parsed = ClientEnvelopeSchema.safeParse(raw);
    if (!parsed.success) {
      post({ type: 'error', requestId: 'invalid', error: BAD_REQUEST });
      close();
      return;
    }
    const envelope = parsed.data;
    if (envelope.type === 'ping') {
      post({ type: 'ping', requestId: envelope.requestId });
      return;
    }
    // One run per port: a second start would race the first for the same UI.
    if (started) return;
    started = true;
    const { requestId, listing, unread, refresh } = envelope;
    run({
      listing,
      unread,
      refresh,
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', requestId, ...progress }),
      onText: (text) => post({ type: 'chunk', requestId, text }),
    })
      .then((result) => post({ type: 'done', requestId, result }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        post({
          type: 'error',
          requestId,
          error: userErrorFromModel(error),
          fallback: guardedOffline(listing).suggestion,
        });
      })
      .finally(close);
  });
}
