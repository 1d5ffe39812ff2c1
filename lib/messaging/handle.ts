import { browser } from '#imports';
import type { z } from 'zod';
import { messages, messaging, type MessageType, type Messages } from './protocol';
import { isOwnListing, mayCall, ROUTES, type RouteAccess } from './routes';
import { classifySender, type SenderInfo } from './sender';

type Handler<K extends MessageType> = (
  data: z.output<Messages[K]['request']>,
) => Promise<z.input<Messages[K]['response']>> | z.input<Messages[K]['response']>;

/**
 * Background side of the protocol: refuses a sender the route table (./routes) doesn't
 * allow for this route, validates the request with its zod schema, refuses a listing
 * route about a listing other than the one open in the calling tab, then runs the handler.
 * Register synchronously in `main`.
 */
export function handle<K extends MessageType>(type: K, handler: Handler<K>): void {
  const on = messaging.onMessage as unknown as (
    t: K,
    cb: (message: { data: unknown; sender: SenderInfo }) => unknown,
  ) => void;
  const access = ROUTES[type] as RouteAccess<K>;
  on(type, async ({ data, sender }) => {
    const who = classifySender(sender, browser.runtime.id);
    if (!mayCall(access as RouteAccess<never>, who)) {
      throw new Error(`Refused "${type}": not allowed from ${who.kind} senders`);
    }
    const parsed = messages[type].request.parse(data) as z.output<Messages[K]['request']>;
    if (!isOwnListing(access, who, parsed)) {
      throw new Error(`Refused "${type}": only for the listing open in the calling tab`);
    }
    return handler(parsed);
  });
}
