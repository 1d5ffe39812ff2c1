/** An in-memory runtime.Port pair side: records what was posted, lets a test deliver messages. */
export class MockPort {
  readonly posted: unknown[] = [];
  disconnected = false;
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];

  readonly onMessage = {
    addListener: (cb: (message: unknown) => void) => void this.messageListeners.push(cb),
  };
  readonly onDisconnect = {
    addListener: (cb: () => void) => void this.disconnectListeners.push(cb),
  };

  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  /** The other side sends a message. */
  deliver(message: unknown): void {
    for (const cb of this.messageListeners) cb(message);
  }
  /** The other side goes away. */
  hangUp(): void {
    for (const cb of this.disconnectListeners) cb();
  }
}
