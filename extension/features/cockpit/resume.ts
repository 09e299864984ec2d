/** The conversation the panel had open: ids only, the session is fetched again and checked on resume. */
export interface ResumePoint {
  clientId: string;
  sessionId: string;
}

/** Where the cockpit keeps its resume point: extension storage in the panel (lib/settings), memory in tests. */
export interface ResumeStorage {
  load(): Promise<ResumePoint | null>;
  /** `null` forgets it (the rep changed client, or the session is over). */
  save(point: ResumePoint | null): Promise<void>;
}

/** A resume point kept in memory only: tests, and pages without extension storage. */
export function memoryResumeStorage(initial: ResumePoint | null = null): ResumeStorage & { point: ResumePoint | null } {
  const store = {
    point: initial,
    load: () => Promise.resolve(store.point),
    save(point: ResumePoint | null) {
      store.point = point;
      return Promise.resolve();
    },
  };
  return store;
}
