import { z } from 'zod';
import { db } from './db';

/**
 * Every secret the extension keeps, with its schema. Stored only in the extension's
 * IndexedDB and read only by the background; never sent to a content script.
 */
const secretSchemas = {
  etsyApp: z.object({ keystring: z.string().min(1), sharedSecret: z.string().min(1) }),
  etsyTokens: z.object({
    accessToken: z.string(),
    refreshToken: z.string(),
    /** Epoch ms when the access token expires. */
    expiresAt: z.number(),
    userId: z.number(),
    shopId: z.number(),
    scopes: z.array(z.string()),
  }),
  /** An OpenAI-compatible API key and the one origin it may be sent to (lib/llm/api-key). */
  openaiApiKey: z.union([
    z.object({ key: z.string().min(1), origin: z.string().url() }),
    // Saved by a version that didn't bind keys yet: bound on first read.
    z.string().min(1),
  ]),
};
type Secrets = typeof secretSchemas;
export type SecretName = keyof Secrets;
export type SecretValue<K extends SecretName> = z.infer<Secrets[K]>;

export async function readSecret<K extends SecretName>(name: K): Promise<SecretValue<K> | null> {
  const row = await db.secrets.get(name);
  if (!row) return null;
  const parsed = secretSchemas[name].safeParse(row.value);
  return parsed.success ? (parsed.data as SecretValue<K>) : null;
}

export async function writeSecret<K extends SecretName>(
  name: K,
  value: SecretValue<K>,
): Promise<void> {
  await db.secrets.put({ key: name, value: secretSchemas[name].parse(value) });
}

export async function deleteSecret(name: SecretName): Promise<void> {
  await db.secrets.delete(name);
}
