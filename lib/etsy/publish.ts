import { db, type SnapshotRow } from '@/lib/db';
import { readSecret } from '@/lib/secrets';
import { tagIdentity } from '@/lib/seo';
import type { EtsyClient } from './client';
import { EtsyError, userErrorFromEtsy } from './errors';
import type {
  EtsyListingText,
  FieldConflict,
  ListingChanges,
  WriteOutcome,
} from './publish-schemas';
import type { EtsyListing } from './schemas';

type TextField = keyof ListingChanges;
const FIELDS: TextField[] = ['title', 'description', 'tags'];

/** @internal exported for its unit test */
export function listingText(listing: EtsyListing): EtsyListingText {
  return {
    listingId: listing.listing_id,
    title: listing.title,
    description: listing.description,
    tags: listing.tags,
    richDescription: Boolean(listing.rich_description),
  };
}

/** A plain description sent over a rich one would drop the seller's formatting. */
const RICH_DESCRIPTION_KEPT = new EtsyError(
  'rich_description',
  'This listing’s description uses Etsy’s rich text; publishing it as plain text would lose its formatting, so nothing was sent.',
  undefined,
  'Fill the description into the editor, or copy it, instead.',
);

const show = (value: string | string[]) => (Array.isArray(value) ? value.join(', ') : value);

function sameValue(a: string | string[], b: string | string[]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const ids = (tags: string[]) => tags.map(tagIdentity).sort().join('\n');
    return ids(a) === ids(b);
  }
  return (
    typeof a === 'string' && typeof b === 'string' && a.normalize('NFC') === b.normalize('NFC')
  );
}

/** Fields of `expected` that Etsy no longer has. */
function conflictsBetween(
  expected: Partial<Record<TextField, string | string[]>>,
  actual: EtsyListingText,
): FieldConflict[] {
  return FIELDS.flatMap((field) => {
    const want = expected[field];
    if (want === undefined || sameValue(want, actual[field])) return [];
    return [{ field, expected: show(want), actual: show(actual[field]) }];
  });
}

/** Sends `changes` (only what differs from `live`) and answers with Etsy's new text. */
async function writeFields(
  client: EtsyClient,
  live: EtsyListing,
  changes: ListingChanges,
): Promise<EtsyListingText> {
  const tokens = await readSecret('etsyTokens');
  if (!tokens) throw new EtsyError('not_connected', 'Connect your Etsy shop first.');
  const updated = await client.updateListing(
    { shopId: tokens.shopId, listingId: live.listing_id },
    { ...listingText(live), materials: live.materials },
    changes,
  );
  return listingText(updated ?? live);
}

/**
 * One write at a time per listing, across every tab: the conflict check, the snapshot and
 * the PATCH of one publish (or revert) all happen before the next one reads the listing,
 * so two tabs can't both pass the check and overwrite each other. All tabs talk to this one
 * service worker, so an in-memory lock is enough.
 */
const listingLocks = new Map<number, Promise<unknown>>();

function withListingLock<T>(listingId: number, task: () => Promise<T>): Promise<T> {
  const previous = listingLocks.get(listingId) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  listingLocks.set(listingId, settled);
  void settled.then(() => {
    if (listingLocks.get(listingId) === settled) listingLocks.delete(listingId);
  });
  return run;
}

/** Whether a snapshot sent exactly these changes: only then is its Revert the right one. */
function sentExactly(sent: SnapshotRow['sent'], changes: ListingChanges): boolean {
  const fields = (value: object) =>
    FIELDS.filter((field) => field in value && value[field as never] !== undefined);
  const sentFields = fields(sent);
  const changedFields = fields(changes);
  return (
    sentFields.length === changedFields.length &&
    changedFields.every(
      (field) => sent[field] !== undefined && sameValue(sent[field], changes[field]!),
    )
  );
}

/**
 * Publishes the seller's accepted changes: reads the listing once to be sure Etsy still
 * has what the seller started from (refusing, with what changed, if not), keeps a
 * snapshot of Etsy's values, then sends only the changed fields. A write is never
 * retried blindly: if Etsy already holds exactly these values, nothing is sent again —
 * and the earlier snapshot is offered for Revert only if it sent exactly these changes
 * (an answer that was lost); otherwise the values were simply already on Etsy.
 */
export function publishChanges(
  client: EtsyClient,
  baseline: EtsyListingText,
  changes: ListingChanges,
): Promise<WriteOutcome> {
  return withListingLock(baseline.listingId, async () => {
    try {
      const live = await client.getListing(baseline.listingId);
      const current = listingText(live);
      if (conflictsBetween(changes, current).length === 0) {
        const last = await db.snapshots
          .where('listingId')
          .equals(baseline.listingId)
          .filter((row) => row.status !== 'reverted')
          .last();
        if (last && sentExactly(last.sent, changes)) {
          await db.snapshots.update(last.id!, { status: 'published' });
          return { status: 'done', snapshotId: last.id!, listing: current, alreadyApplied: true };
        }
        return { status: 'done', snapshotId: null, listing: current, alreadyApplied: true };
      }
      const conflicts = conflictsBetween(baseline, current);
      if (conflicts.length) return { status: 'conflict', conflicts };
      if (changes.description !== undefined && current.richDescription) throw RICH_DESCRIPTION_KEPT;

      const snapshotId = (await db.snapshots.add({
        listingId: baseline.listingId,
        takenAt: Date.now(),
        before: { title: current.title, description: current.description, tags: current.tags },
        sent: changes,
        status: 'pending',
      })) as number;
      try {
        const listing = await writeFields(client, live, changes);
        await db.snapshots.update(snapshotId, { status: 'published' });
        return { status: 'done', snapshotId, listing, alreadyApplied: false };
      } catch (error) {
        await db.snapshots.update(snapshotId, { status: 'failed' });
        throw error;
      }
    } catch (error) {
      return { status: 'failed', error: userErrorFromEtsy(error) };
    }
  });
}

const NO_SNAPSHOT: WriteOutcome = {
  status: 'failed',
  error: {
    source: 'etsy',
    code: 'no_snapshot',
    message: 'There is no published change to revert for this listing.',
  },
};

/** Puts back exactly what Etsy had before a publish, if nobody changed those fields since. */
export function revertPublish(
  client: EtsyClient,
  listingId: number,
  snapshotId: number,
): Promise<WriteOutcome> {
  return withListingLock(listingId, async () => {
    try {
      const snapshot = await db.snapshots.get(snapshotId);
      if (!snapshot || snapshot.listingId !== listingId || snapshot.status === 'reverted') {
        return NO_SNAPSHOT;
      }
      const live = await client.getListing(snapshot.listingId);
      const current = listingText(live);
      const conflicts = conflictsBetween(snapshot.sent, current);
      if (conflicts.length) return { status: 'conflict', conflicts };
      const restore = Object.fromEntries(
        FIELDS.filter((field) => snapshot.sent[field] !== undefined).map((field) => [
          field,
          snapshot.before[field],
        ]),
      ) as ListingChanges;
      const listing = await writeFields(client, live, restore);
      await db.snapshots.update(snapshotId, { status: 'reverted' });
      return { status: 'done', snapshotId, listing, alreadyApplied: false };
    } catch (error) {
      return { status: 'failed', error: userErrorFromEtsy(error) };
    }
  });
}

/** The listing as Etsy has it, for the panel to start from. */
export async function readListingText(
  client: EtsyClient,
  listingId: number,
): Promise<EtsyListingText> {
  return listingText(await client.getListing(listingId));
}
