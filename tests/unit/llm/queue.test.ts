import { describe, expect, it } from 'vitest';
import { RequestQueue } from '@/lib/llm/queue';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RequestQueue', () => {
  it('serves 10 concurrent requests from several tabs in order, none lost or duplicated', async () => {
    const queue = new RequestQueue();
    const started: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const requests = Array.from({ length: 10 }, (_, i) =>
      queue.run('ollama', 1, async () => {
        started.push(i);
        maxRunning = Math.max(maxRunning, ++running);
        await tick(i % 3);
        running--;
        return `answer for tab ${i % 4}, request ${i}`;
      }),
    );
    const answers = await Promise.all(requests);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(answers).toEqual(answers.map((_, i) => `answer for tab ${i % 4}, request ${i}`));
    expect(new Set(answers).size).toBe(10);
    expect(maxRunning).toBe(1);
  });

  it('runs up to the lane’s concurrency at once', async () => {
    const queue = new RequestQueue();
    let running = 0;
    let maxRunning = 0;
    const task = async () => {
      maxRunning = Math.max(maxRunning, ++running);
      await tick(5);
      running--;
    };
    await Promise.all(Array.from({ length: 6 }, () => queue.run('openai', 3, task)));
    expect(maxRunning).toBe(3);
  });

  it('lanes do not block each other: a full lane leaves the others free', async () => {
    const queue = new RequestQueue();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The OpenAI lane is full (3 running, 1 waiting) and stays so until the gate opens.
    const busy = Array.from({ length: 4 }, () => queue.run('openai', 3, () => gate));
    const local = queue.run('ollama', 1, async () => 'local answer');
    const blocked = new Promise<string>((resolve) => setTimeout(() => resolve('blocked'), 0));
    expect(await Promise.race([local, blocked])).toBe('local answer');
    open();
    await Promise.all(busy);
  });

  it('reports the place in line, and a cancelled waiting request leaves the line', async () => {
    const queue = new RequestQueue();
    let release!: () => void;
    const first = queue.run(
      'ollama',
      1,
      () => new Promise<string>((resolve) => (release = () => resolve('first'))),
    );
    const ahead: number[] = [];
    const controller = new AbortController();
    const cancelled = queue.run('ollama', 1, async () => 'never', {
      signal: controller.signal,
      onQueued: (n) => ahead.push(n),
    });
    const third = queue.run('ollama', 1, async () => 'third', { onQueued: (n) => ahead.push(n) });
    expect(ahead).toEqual([0, 1]);
    controller.abort(new DOMException('cancelled', 'AbortError'));
    await expect(cancelled).rejects.toThrow('cancelled');
    release();
    expect(await first).toBe('first');
    expect(await third).toBe('third');
  });

  it('keeps serving after a request fails', async () => {
    const queue = new RequestQueue();
    const failing = queue.run('ollama', 1, async () => {
      throw new Error('model crashed');
    });
    const next = queue.run('ollama', 1, async () => 'ok');
    await expect(failing).rejects.toThrow('model crashed');
    expect(await next).toBe('ok');
  });
});
