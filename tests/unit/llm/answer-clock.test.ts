import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAnswerClock } from '@/lib/llm/answer-clock';

describe('the answer clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs out after the limit when the model is silent', () => {
    const clock = startAnswerClock(10_000);
    vi.advanceTimersByTime(9_999);
    expect(clock.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(clock.signal.aborted).toBe(true);
    expect((clock.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('stands still while the model thinks, so the answer still gets its time', () => {
    const clock = startAnswerClock(10_000);
    for (let second = 0; second < 8; second++) {
      clock.thought();
      vi.advanceTimersByTime(1_000);
    }
    clock.thought();
    clock.answered();
    // 8 s of thinking were not counted: the answer has until 18 s.
    vi.advanceTimersByTime(9_900);
    expect(clock.signal.aborted).toBe(false);
    vi.advanceTimersByTime(200);
    expect(clock.signal.aborted).toBe(true);
  });

  it('gives thinking at most one extra limit', () => {
    const clock = startAnswerClock(10_000);
    let elapsed = 0;
    while (!clock.signal.aborted && elapsed < 60_000) {
      clock.thought();
      vi.advanceTimersByTime(500);
      elapsed += 500;
    }
    expect(elapsed).toBe(20_000);
  });

  it('thinking that stops is silence like any other', () => {
    const clock = startAnswerClock(10_000);
    clock.thought();
    vi.advanceTimersByTime(10_000);
    expect(clock.signal.aborted).toBe(true);
  });
});
