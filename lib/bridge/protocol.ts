import * as z from 'zod/mini';
import type { EditorReadout } from '@/lib/editor/read';
import type { EditorRoute } from '@/lib/editor/route';
import { FIELD_SELECTORS, type FieldName } from '@/lib/editor/selectors';
import type { ListingText } from '@/lib/listing';

/**
 * The port contract between the panel (an extension page in an iframe on Etsy's editor) and
 * the content script that runs the editor adapter in that tab. The panel opens the port with
 * `tabs.connect(tabId, { frameId: 0 })`, which only extension contexts can do, so Etsy's own
 * scripts can neither send on it nor read it (unlike window.postMessage). Each side checks
 * what it receives against these schemas. zod/mini: the content script loads it.
 */
export const PANEL_PORT_NAME = 'panel-bridge';

const FieldNameSchema = z.enum(Object.keys(FIELD_SELECTORS) as [FieldName, ...FieldName[]]);
const SeoFieldSchema = z.enum(['title', 'tags', 'description', 'materials']);
const text = z.string().check(z.maxLength(100_000));
const tagList = z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(200));

const ListingTextSchema = z.object({
  title: text,
  description: text,
  tags: tagList,
  materials: tagList,
  categoryPath: tagList,
});

const EditorRouteSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('edit'), listingId: z.string() }),
  z.object({ mode: z.literal('copy'), templateId: z.string() }),
  z.object({ mode: z.literal('create') }),
]);

const EditorReadoutSchema = z.object({
  listing: ListingTextSchema,
  missing: z.array(FieldNameSchema),
  fallbacks: z.array(FieldNameSchema),
});

const FillOutcomeSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

const FillReportSchema = z.object({
  title: z.optional(FillOutcomeSchema),
  description: z.optional(FillOutcomeSchema),
  tags: z.optional(
    z.object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      failed: z.array(z.object({ tag: z.string(), reason: z.string() })),
    }),
  ),
});

const FindingSpanSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), start: z.number(), end: z.number() }),
  z.object({ kind: z.literal('item'), index: z.number(), value: z.string() }),
  z.object({ kind: z.literal('field') }),
]);

const px = z.number().check(z.gte(0), z.lte(100_000));

/** Where the panel wants its frame: distance from the viewport's right and bottom, and size. */
export const FramePlacementSchema = z.object({ right: px, bottom: px, width: px, height: px });
export type FramePlacement = z.infer<typeof FramePlacementSchema>;

const ViewportSchema = z.object({ width: px, height: px });
export type Viewport = z.infer<typeof ViewportSchema>;

const requestId = z.number().check(z.int());

/** Panel → content script. */
export const PanelEnvelopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('place'), placement: FramePlacementSchema }),
  z.object({
    type: z.literal('fill'),
    requestId,
    request: z.object({
      title: z.optional(text),
      description: z.optional(text),
      tags: z.optional(tagList),
    }),
  }),
  z.object({ type: z.literal('show'), field: SeoFieldSchema, span: FindingSpanSchema }),
]);
export type PanelEnvelope = z.infer<typeof PanelEnvelopeSchema>;

/** Content script → panel. */
export const PageEnvelopeSchema = z.discriminatedUnion('type', [
  /** First message: which listing this frame is for, and the tab's viewport. */
  z.object({ type: z.literal('hello'), route: EditorRouteSchema, viewport: ViewportSchema }),
  z.object({ type: z.literal('viewport'), viewport: ViewportSchema }),
  z.object({ type: z.literal('readout'), readout: EditorReadoutSchema }),
  z.object({ type: z.literal('filled'), requestId, report: FillReportSchema }),
]);
export type PageEnvelope = z.infer<typeof PageEnvelopeSchema>;

// The wire shapes must stay the shapes the rest of the code uses.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof ListingTextSchema>, ListingText>,
  Same<z.infer<typeof EditorRouteSchema>, EditorRoute>,
  Same<z.infer<typeof EditorReadoutSchema>, EditorReadout>,
] = [true, true, true];
void sameShapes;
