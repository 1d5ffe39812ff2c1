import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import {
  EtsyAppInputSchema,
  EtsyAppSetupSchema,
  EtsyConnectionSchema,
} from '@/lib/etsy/connection-schemas';
import {
  EtsyListingTextSchema,
  PublishRequestSchema,
  WriteOutcomeSchema,
} from '@/lib/etsy/publish-schemas';
import { ModelStatusSchema, ModelTestSchema } from '@/lib/llm/status-schema';
import { EndpointUrlSchema, ModelSettingsSchema } from '@/lib/settings';
import { resultSchema, type UserError } from './errors';

const ApiKeyInputSchema = z.string().trim().min(1).max(500);
const ApiKeyStatusSchema = z.object({ saved: z.boolean(), origin: z.string().nullable() });

/**
 * The one request/response contract between the extension's UIs (content script,
 * popup, options page) and the background. Each message names a zod schema for its
 * request, checked by the background on receipt, and for its response, checked by the
 * caller on receipt. Who may call each one is in ./routes. Streams (model output) use the
 * port contract in lib/llm/stream-protocol.
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
    /** The listing is named so the route table can hold the caller to its own tab's listing. */
    request: z.object({ listingId: z.number().int().positive(), snapshotId: z.number().int() }),
    response: WriteOutcomeSchema,
  },

  // --- Shop audit (the shop page loads listings over the port in lib/shop/load-protocol) ---
  /** Opens the shop page in a tab: the panel's "All listings" (a content script can't open it). */
  openShopPage: { request: z.undefined(), response: z.object({ opened: z.boolean() }) },

  // --- Model (suggestions themselves stream over the port in lib/llm/stream-protocol) --
  /**
   * Model names the server at `address` offers (Ollama /api/tags, OpenAI-compatible
   * /models). `apiKey` is one typed for this request; without it the saved key goes only
   * to the origin it was saved for.
   */
  listModels: {
    request: z.object({
      engine: z.enum(['ollama', 'openai']),
      address: EndpointUrlSchema,
      apiKey: ApiKeyInputSchema.optional(),
    }),
    response: resultSchema(z.array(z.string())),
  },
  /** Round-trips a tiny prompt with the given (possibly unsaved) settings; `apiKey` as above. */
  testModel: {
    request: z.object({ settings: ModelSettingsSchema, apiKey: ApiKeyInputSchema.optional() }),
    response: resultSchema(ModelTestSchema),
  },
  /** Whether the saved model can answer now; for the popup. */
  getModelStatus: { request: z.undefined(), response: ModelStatusSchema },
  /**
   * Saves the key for the origin of `address` (the endpoint it was entered for); an empty
   * key deletes it. The key itself never comes back out.
   */
  saveOpenaiApiKey: {
    request: z.union([
      z.object({ apiKey: ApiKeyInputSchema, address: EndpointUrlSchema }),
      z.object({ apiKey: z.literal('') }),
    ]),
    response: ApiKeyStatusSchema,
  },
  getOpenaiApiKeyStatus: { request: z.undefined(), response: ApiKeyStatusSchema },
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

/** Either the answer, or an error the UI can show: what every UI call ends in. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserError };
type Unwrapped<R> = [R] extends [Outcome<infer V>] ? V : R;

function noAnswer(error: unknown): UserError {
  return {
    source: 'extension',
    code: 'no-answer',
    message: `The extension couldn’t complete this request (${error instanceof Error ? error.message.slice(0, 200) : String(error)}).`,
    action:
      'Reload this page and try again. If the extension was just updated, reload it from your browser’s extensions page.',
  };
}

/**
 * Asks the background and always ends in a value or a shown error, never in a rejection:
 * a lost connection, a refused or malformed request, or a malformed answer becomes a
 * `no-answer` error. Routes that already answer with a result are passed through as is.
 */
export async function call<K extends MessageType>(
  type: K,
  ...data: RequestOf<K> extends undefined ? [] : [RequestOf<K>]
): Promise<Outcome<Unwrapped<ResponseOf<K>>>> {
  try {
    const answer: unknown = await request(type, ...data);
    if (answer && typeof answer === 'object' && 'ok' in answer) {
      return answer as Outcome<Unwrapped<ResponseOf<K>>>;
    }
    return { ok: true, value: answer as Unwrapped<ResponseOf<K>> };
  } catch (error) {
    return { ok: false, error: noAnswer(error) };
  }
}
