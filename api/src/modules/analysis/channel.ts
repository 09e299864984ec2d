/**
 * A one-reader queue that turns callbacks (streamed model text) into an async iterator, so a
 * subscription can `yield` what a callback delivers as it arrives.
 */
export function createChannel<T>() {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  let failure: unknown = null;

  const notify = () => {
    wake?.();
    wake = null;
  };

  return {
    push(item: T) {
      items.push(item);
      notify();
    },
    close(error?: unknown) {
      closed = true;
      if (error !== undefined) failure = error;
      notify();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      for (;;) {
        while (items.length) yield items.shift()!;
        if (failure !== null) throw failure;
        if (closed) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
