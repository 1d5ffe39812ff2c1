import { storage } from '#imports';
import { z } from 'zod';

/**
 * Settings a seller chooses. They hold no secrets: storage.local is readable by the
 * content script. API keys and Etsy credentials live in lib/secrets.
 */
const httpUrl = z
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
  .transform((value) => value.replace(/\/+$/, ''));

export const ProviderSchema = z.enum(['auto', 'ollama', 'openai', 'builtin', 'offline']);
export type Provider = z.infer<typeof ProviderSchema>;

export const ModelSettingsSchema = z.object({
  provider: ProviderSchema,
  ollamaHost: httpUrl,
  ollamaModel: z.string().trim(),
  openaiBaseUrl: httpUrl,
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

export const modelSettings = storage.defineItem<ModelSettings>('local:modelSettings', {
  fallback: DEFAULT_MODEL_SETTINGS,
});

/** Reads the model settings, repairing anything stored by an older version. */
export async function loadModelSettings(): Promise<ModelSettings> {
  const stored = await modelSettings.getValue();
  const parsed = ModelSettingsSchema.safeParse({ ...DEFAULT_MODEL_SETTINGS, ...stored });
  return parsed.success ? parsed.data : DEFAULT_MODEL_SETTINGS;
}

export const PanelLayoutSchema = z.object({
  collapsed: z.boolean(),
  /** Distance from the viewport's right and bottom edges, in px. */
  offset: z.object({ right: z.number(), bottom: z.number() }),
  theme: z.enum(['system', 'light', 'dark']),
});
export type PanelLayout = z.infer<typeof PanelLayoutSchema>;

export const panelLayout = storage.defineItem<PanelLayout>('local:panelLayout', {
  fallback: { collapsed: false, offset: { right: 24, bottom: 96 }, theme: 'system' },
});
