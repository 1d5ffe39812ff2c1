/**
 * First-in-first-out request queue with a concurrency limit per lane (one lane per
 * provider), so ten tabs asking at once do not overload a local model and are served in
 * the order they asked.
 */
interface Waiting {
  start: () => void;
  cancel: () => void;
}

interface Lane {
  running: number;
  waiting: Waiting[];
}

export interface QueueOptions {
  signal?: AbortSignal;
  /** Called while waiting with the number of requests ahead (0 = next). */
  onQueued?: (ahead: number) => void;
}

export class RequestQueue {
  private readonly lanes = new Map<string, Lane>();

  run<T>(
    lane: string,
    concurrency: number,
    task: () => Promise<T>,
    options: QueueOptions = {},
  ): Promise<T> {
    const state = this.lane(lane);
    const { signal, onQueued } = options;
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const entry: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', entry.cancel);
          state.running++;
          task()
            .then(resolve, reject)
            .finally(() => {
              state.running--;
              this.next(state, concurrency);
            });
        },
        cancel: () => {
          const at = state.waiting.indexOf(entry);
          if (at !== -1) state.waiting.splice(at, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', entry.cancel, { once: true });
      state.waiting.push(entry);
      if (state.running >= concurrency) onQueued?.(state.waiting.length - 1);
      this.next(state, concurrency);
    });
  }

  private lane(name: string): Lane {
    let state = this.lanes.get(name);
    if (!state) this.lanes.set(name, (state = { running: 0, waiting: [] }));
    return state;
  }

  private next(state: Lane, concurrency: number): void {
    while (state.running < concurrency && state.waiting.length > 0) state.waiting.shift()!.start();
  }
}
