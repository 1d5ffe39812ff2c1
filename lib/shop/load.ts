import {
  ListingStateSchema,
  type EtsyShopListingsPage,
  type ListingState,
} from '@/lib/etsy/schemas';

/** Etsy's largest page. */
const PAGE_SIZE = 100;
/** Etsy refuses offsets past this. */
const MAX_OFFSET = 12000;
export const LISTING_STATES: readonly ListingState[] = ListingStateSchema.options;

export interface PageRef {
  state: ListingState;
  offset: number;
}

/**
 * What is left to load. Every state's first page comes first, so the total is known after
 * five calls; each first page adds that state's remaining pages. A stopped or failed load
 * keeps its plan, and carrying on from it repeats no call that succeeded.
 */
export interface LoadPlan {
  pending: PageRef[];
  totals: Partial<Record<ListingState, number>>;
  loaded: number;
}

export function freshPlan(): LoadPlan {
  return { pending: LISTING_STATES.map((state) => ({ state, offset: 0 })), totals: {}, loaded: 0 };
}

/** The number of listings to load; null until every state's count is known. */
export function planTotal(plan: LoadPlan): number | null {
  const counts = LISTING_STATES.map((state) => plan.totals[state]);
  return counts.every((count) => count !== undefined)
    ? counts.reduce<number>((sum, count) => sum + count!, 0)
    : null;
}

/** "draft listings 201–300": the part of the shop a page holds, for messages. */
export function describePage(page: PageRef): string {
  const state = page.state.replace('_', ' ');
  return `${state} listings ${page.offset + 1}–${page.offset + PAGE_SIZE}`;
}

export type LoadOutcome =
  | { status: 'done' }
  | { status: 'cancelled' }
  | { status: 'failed'; page: PageRef; error: unknown };

export interface LoadDeps {
  fetchPage(page: PageRef): Promise<EtsyShopListingsPage>;
  /** Called with each page as it arrives, and the plan left after it. */
  onPage(page: PageRef, result: EtsyShopListingsPage, plan: LoadPlan): Promise<void>;
  signal: AbortSignal;
}

/** Loads the pages `plan` still holds, one after another; the plan is not mutated. */
export async function runLoad(start: LoadPlan, deps: LoadDeps): Promise<LoadOutcome> {
  let plan = start;
  while (plan.pending.length > 0) {
    if (deps.signal.aborted) return { status: 'cancelled' };
    const [page, ...rest] = plan.pending as [PageRef, ...PageRef[]];
    let result: EtsyShopListingsPage;
    try {
      result = await deps.fetchPage(page);
    } catch (error) {
      if (deps.signal.aborted) return { status: 'cancelled' };
      return { status: 'failed', page, error };
    }
    plan = advance(plan, page, rest, result);
    await deps.onPage(page, result, plan);
  }
  return { status: 'done' };
}

function advance(
  plan: LoadPlan,
  page: PageRef,
  rest: PageRef[],
  result: EtsyShopListingsPage,
): LoadPlan {
  if (page.offset !== 0) {
    return { ...plan, pending: rest, loaded: plan.loaded + result.results.length };
  }
  const more: PageRef[] = [];
  for (let offset = PAGE_SIZE; offset < result.count && offset <= MAX_OFFSET; offset += PAGE_SIZE) {
    more.push({ state: page.state, offset });
  }
  return {
    pending: [...rest, ...more],
    totals: { ...plan.totals, [page.state]: result.count },
    loaded: plan.loaded + result.results.length,
  };
}
