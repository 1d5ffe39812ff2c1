import { useCallback, useState } from 'react';
import type { ListingText, Suggestion } from '@/lib/listing';
import type { UserError } from '@/lib/messaging/errors';
import { suggestOffline } from '@/lib/seo';

export type SuggestField = 'title' | 'tags' | 'description';

export interface SuggestResult {
  suggestion: Suggestion;
  /** Which engine answered, as the seller should read it. */
  engine: string;
  /** What validation changed or dropped in the model's output; never hidden. */
  notes: string[];
}

export type SuggestState =
  | { status: 'idle' }
  | { status: 'running'; arrived: SuggestField[]; engine: string | null }
  | { status: 'done'; result: SuggestResult }
  | { status: 'error'; error: UserError };

export const OFFLINE_ENGINE = 'Offline rules (no model)';

/** The offline engine: instant, valid by construction, always available. */
export function offlineResult(listing: ListingText): SuggestResult {
  return { suggestion: suggestOffline(listing), engine: OFFLINE_ENGINE, notes: [] };
}

export function useSuggestions() {
  const [state, setState] = useState<SuggestState>({ status: 'idle' });
  const showOffline = useCallback((listing: ListingText) => {
    setState({ status: 'done', result: offlineResult(listing) });
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, setState, showOffline, reset };
}
