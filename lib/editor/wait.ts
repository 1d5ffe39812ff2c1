/**
 * Resolves true as soon as `check` holds, re-checking on each change under `root` (no
 * polling); false when it didn't hold within `timeoutMs`. Rejects when `signal` aborts.
 */
export function waitForDom(
  root: Node,
  check: () => boolean,
  { timeoutMs = 3000, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    if (check()) return resolve(true);
    const observer = new MutationObserver(() => {
      if (check()) finish(() => resolve(true));
    });
    const timer = setTimeout(() => finish(() => resolve(check())), timeoutMs);
    const onAbort = () => finish(() => reject(signal!.reason as Error));
    function finish(settle: () => void) {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    }
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
