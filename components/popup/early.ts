import type { EtsyConnection } from '@/lib/etsy/connection-schemas';
import type { ModelStatus } from '@/lib/llm/status-schema';
import { call, type Outcome } from '@/lib/messaging/protocol';

/** A question to the background asked before the first render, and its answer once it has one. */
export interface EarlyAnswer<T> {
  promise: Promise<T>;
  /** The answer, as soon as it has come: the first render can show it at once. */
  value?: T;
}

function askNow<T>(ask: () => Promise<T>): EarlyAnswer<T> {
  const answer: EarlyAnswer<T> = { promise: ask() };
  void answer.promise.then((value) => (answer.value = value));
  return answer;
}

/** The Etsy connection as the background has it stored. */
export const askEtsyConnection = () => askNow(() => call('getEtsyConnection'));

export interface PopupQuestions {
  connection: EarlyAnswer<Outcome<EtsyConnection>>;
  model: EarlyAnswer<Outcome<ModelStatus>>;
}

/**
 * The popup's questions, asked as its script starts rather than after React's first render
 * and paint: the background answers while the page lays out and React renders.
 */
export function askPopupQuestions(): PopupQuestions {
  return {
    connection: askEtsyConnection(),
    model: askNow(() => call('getModelStatus')),
  };
}
