/**
 * The time limit for one answer. A reasoning model's thinking is output, not silence: while
 * thinking pieces keep arriving the clock stands still, up to one extra limit, so the answer
 * after the thinking still gets its time. A model that goes quiet (thinking or not) runs out
 * of time as before.
 */
export interface AnswerClock {
  signal: AbortSignal;
  /** Call for each piece of thinking. */
  thought(): void;
  /** Call for each piece of the answer. */
  answered(): void;
  stop(): void;
}

export function startAnswerClock(limitMs: number, now = () => Date.now()): AnswerClock {
  const controller = new AbortController();
  const started = now();
  const latest = started + 2 * limitMs;
  let deadline = started + limitMs;
  let lastThought: number | null = null;
  const expire = () =>
    controller.abort(new DOMException('The answer took too long', 'TimeoutError'));
  let timer = setTimeout(expire, limitMs);
  return {
    signal: controller.signal,
    thought() {
      const at = now();
      if (lastThought !== null) {
        deadline = Math.min(latest, deadline + (at - lastThought));
        clearTimeout(timer);
        timer = setTimeout(expire, Math.max(0, deadline - at));
      }
      lastThought = at;
    },
    answered() {
      lastThought = null;
    },
    stop: () => clearTimeout(timer),
  };
}
