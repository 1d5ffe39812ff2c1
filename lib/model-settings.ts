import { z } from 'zod';
import { isLocalNetworkHost } from './local-network';

/**
 * The model settings' shape and defaults, apart from where they are stored (lib/settings), so
 * code without the extension's storage (the E2E helpers) checks and completes them the same way.
 */

/**
 * A model server's address: http(s) with a host. Plain `http:` only to this computer or the
 * local network, where unencrypted traffic doesn't cross the internet.
 */
export const EndpointUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Enter a full address starting with http:// or https://')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol !== 'http:' || isLocalNetworkHost(url.hostname);
    } catch {
      return true; // reported by the rule above
    }
  }, 'Use https:// for a server outside your computer and local network: http:// would send your listings and API key unencrypted.')
  .transform((value) => value.replace(/\/+$/, ''));

const ProviderSchema = z.enum(['auto', 'ollama', 'openai', 'builtin', 'offline']);

export const ModelSettingsSchema = z.object({
  provider: ProviderSchema,
  ollamaHost: EndpointUrlSchema,
  ollamaModel: z.string().trim(),
  openaiBaseUrl: EndpointUrlSchema,
  openaiModel: z.string().trim(),
  temperature: z.number().min(0).max(2),
  /** Shop voice, words to avoid, language: passed to the model as the seller's own rules. */
  instructions: z.string().max(2000),
  debugLogging: z.boolean(),
  /** Requests run at once per provider; a local model serves one at a time best. */
  ollamaConcurrency: z.number().int().min(1).max(8),
  openaiConcurrency: z.number().int().min(1).max(8),
  /** Longest wait for one whole answer, including a cold model load. */
  timeoutSeconds: z.number().int().min(5).max(600),
});
export type ModelSettings = z.infer<typeof ModelSettingsSchema>;

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  provider: 'auto',
  ollamaHost: 'http://localhost:11434',
  ollamaModel: 'llama3.2',
  openaiBaseUrl: 'https://api.openai.com/v1',
  openaiModel: 'gpt-4o-mini',
  temperature: 0.3,
  instructions: '',
  debugLogging: false,
  ollamaConcurrency: 1,
  openaiConcurrency: 4,
  timeoutSeconds: 120,
};
