import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import {
  EtsyAppInputSchema,
  EtsyAppSetupSchema,
  EtsyConnectionSchema,
} from '@/lib/etsy/connection';
import {
  EtsyListingTextSchema,
  PublishRequestSchema,
  WriteOutcomeSchema,
} from '@/lib/etsy/publish-schemas';
import { ModelStatusSchema, ModelTestSchema } from '@/lib/llm/status-schema';
import { ModelSettingsSchema } from '@/lib/settings';
import { resultSchema } from './errors';

/**
 * The one request/response contract between the extension's UIs (content script,
 * popup, options page) and the background. Each message names a zod schema for its
 * request, checked by the background on receipt, and for its response, checked by the
 * caller on receipt. Streams (model output) use the port contract in lib/llm/stream-protocol.
 */
export const messages = {
  // --- Etsy connection -------------------------------------------------------------
  getEtsyConnection: { request: z.undefined(), response: EtsyConnectionSchema },
  /** Like getEtsyConnection, after a live call proves the tokens still work. */
  checkEtsyConnection: { request: z.undefined(), response: EtsyConnectionSchema },
  /** Runs the OAuth flow in the background; answers with the resulting state. */
  connectEtsy: { request: z.undefined(), response: EtsyConnectionSchema },
  disconnectEtsy: { request: z.undefined(), response: EtsyConnectionSchema },
  getEtsyAppSetup: { request: z.undefined(), response: EtsyAppSetupSchema },
  saveEtsyApp: { request: EtsyAppInputSchema, response: resultSchema(EtsyAppSetupSchema) },

  // --- Etsy listings (publish from the panel) ----------------------------------------
  /** The listing as Etsy has it saved: what a publish starts from. */
  getEtsyListing: {
    request: z.object({ listingId: z.number().int().positive() }),
    response: resultSchema(EtsyListingTextSchema),
  },
  /** Conflict check, snapshot, then only the changed fields. */
  publishListing: { request: PublishRequestSchema, response: WriteOutcomeSchema },
  /** Restores the snapshot a publish took. */
  revertListing: {
    request: z.object({ snapshotId: z.number().int() }),
    response: WriteOutcomeSchema,
  },

  // --- Shop audit (the shop page loads listings over the port in lib/shop/load-protocol) ---
  /** Opens the shop page in a tab: the panel's "All listings" (a content script can't open it). */
  openShopPage: { request: z.undefined(), response: z.object({ opened: z.boolean() }) },

  // --- Model (suggestions themselves stream over the port in lib/llm/stream-protocol) --
  /** Model names the server offers (Ollama /api/tags, OpenAI-compatible /models). */
  listModels: {
    request: z.object({ settings: ModelSettingsSchema, engine: z.enum(['ollama', 'openai']) }),
    response: resultSchema(z.array(z.string())),
  },
  /** Round-trips a tiny prompt with the given (possibly unsaved) settings. */
  testModel: { request: ModelSettingsSchema, response: resultSchema(ModelTestSchema) },
  /** Whether the saved model can answer now; for the popup. */
  getModelStatus: { request: z.undefined(), response: ModelStatusSchema },
  /** Empty string deletes the key. The key itself never comes back out. */
  saveOpenaiApiKey: {
    request: z.object({ apiKey: z.string().trim().max(500) }),
    response: z.object({ saved: z.boolean() }),
  },
  getOpenaiApiKeyStatus: { request: z.undefined(), response: z.object({ saved: z.boolean() }) },
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
