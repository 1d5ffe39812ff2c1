import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { EtsyConnectionSchema } from '@/lib/etsy/connection';

/**
 * The one request/response contract between the extension's UIs (content script,
 * popup, options page) and the background. Each message names a zod schema for its
 * request, checked by the background on receipt, and for its response, checked by the
 * caller on receipt. Streams (model output) use the port contract in lib/llm/stream.
 */
export const messages = {
  // --- Etsy connection -------------------------------------------------------------
  getEtsyConnection: { request: z.undefined(), response: EtsyConnectionSchema },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Messages = typeof messages;
export type MessageType = keyof Messages;
export type RequestOf<K extends MessageType> = z.input<Messages[K]['request']>;
export type ResponseOf<K extends MessageType> = z.output<Messages[K]['response']>;

type ProtocolMap = {
  [K in MessageType]: (data: z.input<Messages[K]['request']>) => z.input<Messages[K]['response']>;
};

export const messaging = defineExtensionMessaging<ProtocolMap>();

/** Ask the background; the answer is validated before it is returned. */
export async function request<K extends MessageType>(
  type: K,
  ...[data]: RequestOf<K> extends undefined ? [] : [RequestOf<K>]
): Promise<ResponseOf<K>> {
  const send = messaging.sendMessage as (t: K, d: unknown) => Promise<unknown>;
  const answer = await send(type, data);
  return messages[type].response.parse(answer) as ResponseOf<K>;
}
