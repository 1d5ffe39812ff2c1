import type { Suggestion } from '@/lib/listing';
import {
  dedupeTags,
  MAX_TAGS,
  normalizeText,
  repairTag,
  repairTitle,
  shortenTag,
  TAG_MAX_CHARS,
} from '@/lib/seo';
import type { Language } from '@/lib/seo/language';
import { wordsOf } from '@/lib/seo/text';
import { modelError } from './errors';
import { ModelOutputSchema } from './output-schema';
import type { RepairNote } from './stream-protocol';
import type { UserError } from '@/lib/messaging/errors';

export type RepairResult =
  { ok: true; suggestion: Suggestion; notes: RepairNote[] } | { ok: false; error: UserError };

/** Models sometimes wrap JSON in a Markdown fence even when asked not to. */
function stripFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  return fenced ? fenced[1]! : text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(stripFence(text));
  } catch {
    return undefined;
  }
}

/**
 * Turns the model's raw answer into a suggestion Etsy accepts, using lib/seo's validity
 * rules: the title is cut only at word boundaries, invalid tags are fixed, an over-long tag is
 * said shorter as a whole phrase or dropped (never cut mid-phrase), duplicates and extras
 * removed. Every change is listed in `notes`. The guardrails (lib/guard) run after this.
 */
export function repairModelOutput(raw: string, language: Language = 'unknown'): RepairResult {
  const json = parseJson(raw);
  if (json === undefined) {
    return { ok: false, error: modelError('unusable-output', { detail: 'it was not valid JSON' }) };
  }
  const parsed = ModelOutputSchema.safeParse(json);
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'answer'))];
    return {
      ok: false,
      error: modelError('unusable-output', { detail: `missing or wrong: ${where.join(', ')}` }),
    };
  }
  const output = parsed.data;
  const notes: RepairNote[] = [];

  const title = repairTitle(output.title.value);
  if (title.value !== normalizeText(output.title.value).trim()) {
    notes.push({
      field: 'title',
      original: output.title.value,
      ...(title.value ? { kept: title.value } : {}),
      why: title.dropped.length
        ? `Removed to meet Etsy’s title rules: ${title.dropped.map((d) => `“${d}”`).join(', ')}`
        : 'Tidied to meet Etsy’s title rules',
    });
  }

  const repairedTags: { value: string; reason: string }[] = [];
  for (const tag of output.tags) {
    const cleaned = repairTag(tag.value);
    // repairTag cuts at a word boundary, which turns "cadeau fête des mères" into a fragment.
    const cut = cleaned !== null && wordsOf(cleaned).length < wordsOf(tag.value).length;
    const fixed = cut ? shortenTag(tag.value, language) : cleaned;
    if (fixed === null) {
      notes.push({
        field: 'tags',
        original: tag.value,
        why: cut
          ? `Over Etsy’s ${TAG_MAX_CHARS} characters, and no shorter phrase says the same thing`
          : 'Not a valid Etsy tag and could not be fixed',
      });
      continue;
    }
    if (fixed !== tag.value) {
      notes.push({
        field: 'tags',
        original: tag.value,
        kept: fixed,
        why: cut
          ? `Said in fewer words to fit Etsy’s ${TAG_MAX_CHARS} characters`
          : "Cleaned to meet Etsy’s tag rules (letters, numbers, spaces, - and ')",
      });
    }
    repairedTags.push({ value: fixed, reason: tag.reason });
  }
  const unique = new Set(dedupeTags(repairedTags.map((t) => t.value)));
  const deduped = repairedTags.filter((t) => {
    if (unique.delete(t.value)) return true;
    notes.push({ field: 'tags', original: t.value, why: 'Duplicate of another suggested tag' });
    return false;
  });
  for (const extra of deduped.slice(MAX_TAGS)) {
    notes.push({ field: 'tags', original: extra.value, why: `More than Etsy’s ${MAX_TAGS} tags` });
  }
  const tags = deduped.slice(0, MAX_TAGS);

  const description = normalizeText(output.description.value).trim();
  if (!title.value && tags.length === 0 && !description) {
    return {
      ok: false,
      error: modelError('unusable-output', { detail: 'nothing in it passed Etsy’s rules' }),
    };
  }
  // Etsy requires both: an empty suggestion would, once accepted, wipe the seller's own text.
  if (!title.value || !description) {
    const empty = !title.value ? 'title' : 'description';
    return {
      ok: false,
      error: modelError('unusable-output', {
        detail: `its ${empty} was empty once Etsy’s rules were applied`,
      }),
    };
  }
  return {
    ok: true,
    notes,
    suggestion: {
      title: { value: title.value, reasons: output.title.reasons },
      tags,
      description: { value: description, reasons: output.description.reasons },
    },
  };
}
