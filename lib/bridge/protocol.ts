import * as z from 'zod/mini';
import type { EditorReadout } from '@/lib/editor/read';
import type { EditorRoute } from '@/lib/editor/route';
import type { FillReport, FillRequest } from '@/lib/editor/write';
import type { ListingText } from '@/lib/listing';

/**
 * The port contract between the panel (an extension page in an iframe on Etsy's editor) and
 * the content script that runs the editor adapter in that tab. The panel opens the port with
 * `tabs.connect(tabId, { frameId: 0 })` (in Firefox the background opens it on the panel's
 * behalf: lib/bridge/relay.ts), which only extension contexts can do, so Etsy's own scripts
 * can neither send on it nor read it (unlike window.postMessage). Its name (./names) carries
 * the token in the frame's URL, so the content script serves only the frame it made. Each
 * side checks what it receives against these schemas. zod/mini: the content script and the
 * panel's first chunk load it.
 */

const EditorFieldSchema = z.enum(['title', 'description', 'tags', 'materials']);
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

const FieldReportSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('read'),
    layer: z.enum(['known', 'structure', 'label']),
    rich: z.boolean(),
  }),
  z.object({ status: z.literal('unread'), reason: z.string() }),
]);

const EditorReadoutSchema = z.object({
  listing: ListingTextSchema,
  fields: z.object({
    title: FieldReportSchema,
    description: FieldReportSchema,
    tags: FieldReportSchema,
    materials: FieldReportSchema,
  }),
});

const FillRequestSchema = z.object({
  title: z.optional(text),
  description: z.optional(text),
  tags: z.optional(z.object({ add: tagList, remove: tagList })),
});

const FillReportSchema = z.object({
  done: z.array(z.string()),
  refused: z.array(
    z.object({ field: EditorFieldSchema, item: z.optional(z.string()), reason: z.string() }),
  ),
});

const FindingSpanSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), start: z.number(), end: z.number() }),
  z.object({ kind: z.literal('item'), index: z.number(), value: z.string() }),
  z.object({ kind: z.literal('field') }),
]);

const px = z.number().check(z.gte(0), z.lte(100_000));

/** Where the panel wants its frame: distance from the viewport's right and bottom, and size. */
const FramePlacementSchema = z.object({ right: px, bottom: px, width: px, height: px });
export type FramePlacement = z.infer<typeof FramePlacementSchema>;

const ViewportSchema = z.object({ width: px, height: px });
export type Viewport = z.infer<typeof ViewportSchema>;

const requestId = z.number().check(z.int());

/** Panel → content script. */
export const PanelEnvelopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('place'), placement: FramePlacementSchema }),
  z.object({ type: z.literal('fill'), requestId, request: FillRequestSchema }),
  /** The panel no longer wants that fill (it moved on): stop at the next step. */
  z.object({ type: z.literal('cancelFill'), requestId }),
  z.object({ type: z.literal('show'), field: EditorFieldSchema, span: FindingSpanSchema }),
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
  Same<z.infer<typeof FillRequestSchema>, FillRequest>,
  Same<z.infer<typeof FillReportSchema>, FillReport>,
] = [true, true, true, true, true];
void sameShapes;
