import PQueue from 'p-queue';

/**
 * First-in-first-out request queue with a concurrency limit per lane (one lane per
 * provider), so ten tabs asking at once do not overload a local model and are served in
 * the order they asked.
 */
export interface QueueOptions {
  signal?: AbortSignal;
  /** Called while waiting with the number of requests ahead (0 = next). */
  onQueued?: (ahead: number) => void;
}

export class RequestQueue {
  private readonly lanes = new Map<string, PQueue>();

  run<T>(
    lane: string,
    concurrency: number,
    task: () => Promise<T>,
    { signal, onQueued }: QueueOptions = {},
  ): Promise<T> {
    const queue = this.lane(lane, concurrency);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (queue.pending >= queue.concurrency) onQueued?.(queue.size);
    // A cancelled request leaves the line at once; one already running ends with its signal.
    return queue.add(task, { signal });
  }

  private lane(name: string, concurrency: number): PQueue {
    let queue = this.lanes.get(name);
    if (!queue) this.lanes.set(name, (queue = new PQueue({ concurrency })));
    // The seller may change a provider's concurrency in settings between runs.
    queue.concurrency = concurrency;
    return queue;
  }
}
