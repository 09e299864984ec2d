/**
 * Runs tasks one after another in the order they were queued, whatever order they would finish in:
 * the live port answers the utterances of one side in order. A failed task does not stop the queue.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
