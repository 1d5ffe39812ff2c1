import { z } from 'zod';
import { UserErrorSchema } from '@/lib/messaging/errors';
import { EngineSchema } from './stream-protocol';

/** Answers of the model messages in lib/messaging/protocol (kept free of provider code). */
export const ModelTestSchema = z.object({
  engine: EngineSchema,
  model: z.string().nullable(),
  latencyMs: z.number(),
  reply: z.string(),
  /** What the seller should know about the model: it thinks, it refused a parameter… */
  notes: z.array(z.string()).default([]),
});
export type ModelTest = z.infer<typeof ModelTestSchema>;

export const ModelStatusSchema = z.object({
  /** The engine suggestions would come from now ("offline" when no model works). */
  engine: EngineSchema,
  model: z.string().nullable(),
  ready: z.boolean(),
  /** Why the chosen model can't answer (explicit provider) or why none could (Automatic). */
  error: UserErrorSchema.optional(),
});
export type ModelStatus = z.infer<typeof ModelStatusSchema>;
