import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ModelFailure, modelError } from '@/lib/llm/errors';
import { serveSuggestPort } from '@/lib/llm/serve-port';
import { startSuggestionStream } from '@/lib/llm/stream-client';
import {
  ClientEnvelopeSchema,
  ServerEnvelopeSchema,
  SUGGEST_PORT_NAME,
  type SuggestResult,
} from '@/lib/llm/stream-protocol';
import type { SuggestRun } from '@/lib/llm/suggest';
import { LISTING } from './fixtures';
import { MockPort } from './mock-port';

const RESULT: SuggestResult = {
  engine: 'ollama',
  model: 'llama3.2',
  suggestion: {
    title: { value: 'Macrame Wall Hanging', reasons: [] },
    tags: [{ value: 'macrame', reason: 'item' }],
    description: { value: 'A wall hanging.', reasons: [] },
  },
  notes: [],
  fromCache: false,
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('stream envelopes', () => {
  it('accept a start with a listing and refuse one without', () => {
    expect(
      ClientEnvelopeSchema.parse({ type: 'start', requestId: 'r', listing: LISTING }),
    ).toMatchObject({ refresh: false });
    expect(ClientEnvelopeSchema.safeParse({ type: 'start', requestId: 'r' }).success).toBe(false);
    expect(ClientEnvelopeSchema.safeParse({ type: 'ping', requestId: '' }).success).toBe(false);
  });
});

describe('serveSuggestPort', () => {
  it('streams progress and chunks, ends with done, then disconnects', async () => {
    const port = new MockPort();
    serveSuggestPort(port, async (run) => {
      run.onProgress({ stage: 'generating', engine: 'ollama' });
      run.onText('{"title"');
      return RESULT;
    });
    port.deliver({ type: 'start', requestId: 'r1', listing: LISTING });
    await flush();
    expect(port.posted.map((m) => ServerEnvelopeSchema.parse(m).type)).toEqual([
      'progress',
      'chunk',
      'done',
    ]);
    expect(port.posted.at(-1)).toEqual({ type: 'done', requestId: 'r1', result: RESULT });
    expect(port.disconnected).toBe(true);
  });

  it('reports a failure with the seller-facing error and offline suggestions', async () => {
    const port = new MockPort();
    serveSuggestPort(port, async () => {
      throw new ModelFailure(modelError('ollama-not-running', { host: 'http://localhost:11434' }));
    });
    port.deliver({ type: 'start', requestId: 'r2', listing: LISTING });
    await flush();
    const envelope = ServerEnvelopeSchema.parse(port.posted[0]);
    expect(envelope).toMatchObject({
      type: 'error',
      requestId: 'r2',
      error: { code: 'ollama-not-running' },
    });
    expect(envelope.type === 'error' && envelope.fallback?.tags.length).toBeGreaterThan(0);
  });

  it('aborts the run when the UI disconnects, and reports nothing after', async () => {
    const port = new MockPort();
    let signal!: AbortSignal;
    serveSuggestPort(
      port,
      (run: SuggestRun) =>
        new Promise((_, reject) => {
          signal = run.signal;
          run.signal.addEventListener('abort', () => reject(run.signal.reason));
        }),
    );
    port.deliver({ type: 'start', requestId: 'r3', listing: LISTING });
    port.hangUp();
    await flush();
    expect(signal.aborted).toBe(true);
    expect(port.posted).toEqual([]);
  });

  it('answers pings, refuses malformed envelopes, and runs only once per port', async () => {
    const port = new MockPort();
    const run = vi.fn(async () => RESULT);
    serveSuggestPort(port, run);
    port.deliver({ type: 'ping', requestId: 'r4' });
    expect(port.posted).toEqual([{ type: 'ping', requestId: 'r4' }]);
    port.deliver({ type: 'start', requestId: 'r4', listing: LISTING });
    port.deliver({ type: 'start', requestId: 'r5', listing: LISTING });
    await flush();
    expect(run).toHaveBeenCalledTimes(1);

    const bad = new MockPort();
    serveSuggestPort(bad, run);
    bad.deliver({ type: 'start', requestId: 'r6', listing: { title: 1 } });
    expect(bad.posted).toEqual([
      expect.objectContaining({
        type: 'error',
        error: expect.objectContaining({ code: 'bad-request' }),
      }),
    ]);
    expect(bad.disconnected).toBe(true);
  });
});

describe('startSuggestionStream', () => {
  function connectTo(port: MockPort) {
    return vi.spyOn(fakeBrowser.runtime, 'connect').mockReturnValue(port as never);
  }

  it('starts a run and hands progress, text and the result to the UI', () => {
    const port = new MockPort();
    const connect = connectTo(port);
    const handlers = { onProgress: vi.fn(), onText: vi.fn(), onResult: vi.fn(), onError: vi.fn() };
    const stream = startSuggestionStream(LISTING, handlers, { unread: ['tags'] });
    expect(connect).toHaveBeenCalledWith({ name: SUGGEST_PORT_NAME });
    expect(port.posted).toEqual([
      {
        type: 'start',
        requestId: stream.requestId,
        listing: LISTING,
        unread: ['tags'],
        refresh: false,
      },
    ]);

    const id = stream.requestId;
    port.deliver({ type: 'progress', requestId: id, stage: 'queued', ahead: 2 });
    port.deliver({ type: 'chunk', requestId: id, text: '{"ti' });
    port.deliver({ type: 'chunk', requestId: 'someone-else', text: 'x' });
    port.deliver({ type: 'done', requestId: id, result: RESULT });
    port.hangUp();
    expect(handlers.onProgress).toHaveBeenCalledWith(
      expect.objectContaining({ stage: 'queued', ahead: 2 }),
    );
    expect(handlers.onText).toHaveBeenCalledExactlyOnceWith('{"ti');
    expect(handlers.onResult).toHaveBeenCalledWith(RESULT);
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('cancel disconnects the port and silences the handlers', () => {
    const port = new MockPort();
    connectTo(port);
    const handlers = { onResult: vi.fn(), onError: vi.fn() };
    const stream = startSuggestionStream(LISTING, handlers);
    stream.cancel();
    expect(port.disconnected).toBe(true);
    port.deliver({ type: 'done', requestId: stream.requestId, result: RESULT });
    expect(handlers.onResult).not.toHaveBeenCalled();
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('tells the UI when the background goes away mid-run', () => {
    const port = new MockPort();
    connectTo(port);
    const handlers = { onResult: vi.fn(), onError: vi.fn() };
    startSuggestionStream(LISTING, handlers);
    port.hangUp();
    expect(handlers.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'connection-lost' }),
    );
  });
});
