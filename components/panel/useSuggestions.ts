import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListingText, Suggestion } from '@/lib/listing';
import type { UserError } from '@/lib/messaging/errors';
import { ENGINE_NAMES, engineWithModel } from '@/lib/llm/engine-names';
import { startSuggestionStream, type SuggestionStream } from '@/lib/llm/stream-client';
import type { ProgressEnvelope, SuggestResult, UnreadField } from '@/lib/llm/stream-protocol';

export type SuggestState =
  | { status: 'idle' }
  | { status: 'running'; progress: ProgressEnvelope | null }
  | { status: 'done'; result: SuggestResult }
  /** `fallback`: offline suggestions the seller can still use. */
  | { status: 'error'; error: UserError; fallback?: Suggestion };

/** Which engine answered, as the seller should read it. */
export function engineLabel(result: Pick<SuggestResult, 'engine' | 'model'>): string {
  if (result.engine === 'offline') return `${ENGINE_NAMES.offline} (no model)`;
  return engineWithModel(result.engine, result.model);
}

/**
 * One suggestion run at a time for this listing, streamed from the background. A new
 * run, a cancel or leaving the listing stops the previous one at the model.
 */
export function useSuggestions() {
  const [state, setState] = useState<SuggestState>({ status: 'idle' });
  const stream = useRef<SuggestionStream | null>(null);

  useEffect(() => () => stream.current?.cancel(), []);

  /** `unread`: fields the editor couldn't read, which the model isn't shown. */
  const start = useCallback((listing: ListingText, refresh = false, unread: UnreadField[] = []) => {
    stream.current?.cancel();
    setState({ status: 'running', progress: null });
    stream.current = startSuggestionStream(
      listing,
      {
        onProgress: (progress) => setState({ status: 'running', progress }),
        onResult: (result) => setState({ status: 'done', result }),
        onError: (error, fallback) => setState({ status: 'error', error, fallback }),
      },
      { refresh, unread },
    );
  }, []);

  const cancel = useCallback(() => {
    stream.current?.cancel();
    stream.current = null;
    setState({ status: 'idle' });
  }, []);

  /** After an error: show the offline suggestions that came with it. */
  const takeFallback = useCallback((fallback: Suggestion) => {
    setState({
      status: 'done',
      result: { engine: 'offline', model: null, suggestion: fallback, notes: [], fromCache: false },
    });
  }, []);

  return { state, start, cancel, takeFallback };
}
