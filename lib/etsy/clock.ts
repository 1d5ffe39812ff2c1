/** Time as the Etsy client sees it; tests pass a fake one to expire tokens without waiting. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
};
