import { browser } from '#imports';
import type { z } from 'zod';
import { messages, messaging, type MessageType, type Messages } from './protocol';
import { isTrustedSender } from './sender';

type Handler<K extends MessageType> = (
  data: z.output<Messages[K]['request']>,
  sender: { tabId?: number },
) => Promise<z.input<Messages[K]['response']>> | z.input<Messages[K]['response']>;

/**
 * Background side of the protocol: refuses untrusted senders, validates the request
 * with its zod schema, then runs the handler. Register synchronously in `main`.
 */
export function handle<K extends MessageType>(type: K, handler: Handler<K>): void {
  const on = messaging.onMessage as unknown as (
    t: K,
    cb: (message: {
      data: unknown;
      sender: Parameters<typeof isTrustedSender>[0] & { tab?: { id?: number } };
    }) => unknown,
  ) => void;
  on(type, async ({ data, sender }) => {
    if (!isTrustedSender(sender, browser.runtime.id)) {
      throw new Error(`Refused "${type}" from an untrusted sender`);
    }
    const parsed = messages[type].request.parse(data) as z.output<Messages[K]['request']>;
    return handler(parsed, { tabId: sender.tab?.id });
  });
}
