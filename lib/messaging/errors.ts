import { z } from 'zod';

/**
 * An error as a value, with a message a seller can act on. `source` keeps the panel's
 * loading, suggesting and publishing errors apart.
 */
export const UserErrorSchema = z.object({
  source: z.enum(['etsy', 'model', 'editor', 'settings', 'extension']),
  code: z.string(),
  message: z.string(),
  /** What the seller can do about it, e.g. a command to run. */
  action: z.string().optional(),
});
export type UserError = z.infer<typeof UserErrorSchema>;

/** A result crossing a message boundary: a value, or an error the UI can show. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: UserErrorSchema }),
  ]);
}
