import { z } from 'zod';
import { MAX_TAGS, TAG_MAX_CHARS, TITLE_MAX_CHARS } from '@/lib/seo';

/**
 * What we ask the model for. It maps 1:1 onto `Suggestion`; parsing is lenient about the
 * number of tags (repair reports extras) while the JSON Schema sent to the model asks for
 * exactly 13.
 */
const reasons = z.array(z.string()).describe('Short reasons, each tied to an Etsy rule or finding');

export const ModelOutputSchema = z.object({
  title: z.object({ value: z.string().describe('The new listing title'), reasons }),
  tags: z.array(
    z.object({
      value: z.string().describe(`One tag, at most ${TAG_MAX_CHARS} characters`),
      reason: z.string(),
    }),
  ),
  description: z.object({ value: z.string().describe('The rewritten description'), reasons }),
});

/**
 * JSON Schema for structured output (Ollama `format`, OpenAI `response_format`, Prompt API).
 * It carries Etsy's limits (title ≤ 140, tag ≤ 20 characters, exactly 13 tags) so a grammar-
 * constrained model can't break them, and repair never has to cut a tag into a fragment.
 */
export function modelOutputJsonSchema(): Record<string, unknown> {
  const exact = ModelOutputSchema.extend({
    title: z.object({
      value: z.string().max(TITLE_MAX_CHARS).describe('The new listing title'),
      reasons,
    }),
    tags: z
      .array(
        z.object({
          value: z
            .string()
            .min(1)
            .max(TAG_MAX_CHARS)
            .describe(`One whole search phrase, at most ${TAG_MAX_CHARS} characters`),
          reason: z.string(),
        }),
      )
      .min(MAX_TAGS)
      .max(MAX_TAGS),
  });
  // OpenAI-compatible servers reject the "$schema" dialect key; Ollama ignores it.
  const schema = z.toJSONSchema(exact) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}
