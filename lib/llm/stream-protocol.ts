import { z } from 'zod';
import { ListingTextSchema, SuggestionNoteSchema, SuggestionSchema } from '@/lib/listing';
import { UserErrorSchema } from '@/lib/messaging/errors';

/**
 * The port contract for streamed suggestions (runtime.connect; @webext-core/messaging has
 * no streams). One port per run: the UI posts `start`, the background answers with
 * progress/chunk envelopes and ends with `done` or `error`. Disconnecting the port cancels
 * the run and stops generation at the model. Both sides may send `ping` to keep the
 * service worker awake during a long answer.
 */
export const SUGGEST_PORT_NAME = 'llm-suggest';

export const EngineSchema = z.enum(['ollama', 'openai', 'builtin', 'offline']);

/** One change repair made to the model's answer; shown to the seller, never hidden. */
/** Repair and guardrail notes share one shape: the panel lists them together. */
const RepairNoteSchema = SuggestionNoteSchema;
export type RepairNote = z.infer<typeof RepairNoteSchema>;

export const SuggestResultSchema = z.object({
  engine: EngineSchema,
  /** Model name; null for offline rules. */
  model: z.string().nullable(),
  suggestion: SuggestionSchema,
  /** Everything repair changed or dropped from the model's answer. */
  notes: z.array(RepairNoteSchema),
  fromCache: z.boolean(),
  /** For Automatic: which provider answered and why others were skipped. */
  explanation: z.string().optional(),
});
export type SuggestResult = z.infer<typeof SuggestResultSchema>;

const FieldStateSchema = z.enum(['waiting', 'arriving', 'done']);
const FieldProgressSchema = z.object({
  title: FieldStateSchema,
  tags: FieldStateSchema,
  description: FieldStateSchema,
  tagsArrived: z.number().int(),
});

const requestId = z.string().min(1).max(100);
const UnreadFieldSchema = z.enum(['title', 'tags', 'description']);
export type UnreadField = z.infer<typeof UnreadFieldSchema>;

export const ClientEnvelopeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    requestId,
    listing: ListingTextSchema,
    /** Fields the editor couldn't read (empty in `listing`): left out of what the model sees. */
    unread: z.array(UnreadFieldSchema).max(3).default([]),
    /** Skip the cache and ask the model again. */
    refresh: z.boolean().default(false),
  }),
  z.object({ type: z.literal('ping'), requestId }),
]);
export type ClientEnvelope = z.input<typeof ClientEnvelopeSchema>;

export const ServerEnvelopeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    requestId,
    stage: z.enum(['choosing', 'queued', 'thinking', 'generating']),
    engine: EngineSchema.optional(),
    model: z.string().optional(),
    /** Requests ahead of this one while queued. */
    ahead: z.number().int().optional(),
    fields: FieldProgressSchema.optional(),
    /** While a reasoning model thinks before answering: pieces of thinking so far. */
    thinking: z.number().int().optional(),
  }),
  z.object({ type: z.literal('chunk'), requestId, text: z.string() }),
  z.object({ type: z.literal('done'), requestId, result: SuggestResultSchema }),
  z.object({
    type: z.literal('error'),
    requestId,
    error: UserErrorSchema,
    /** Offline suggestions, so the seller is never left with nothing. */
    fallback: SuggestionSchema.optional(),
  }),
  z.object({ type: z.literal('ping'), requestId }),
]);
export type ServerEnvelope = z.infer<typeof ServerEnvelopeSchema>;
export type ProgressEnvelope = Extract<ServerEnvelope, { type: 'progress' }>;
