/**
 * The slice of the extension API that page reading uses, typed by what it calls. Functions take it as a
 * parameter, so tests pass a fake and the real `browser` (Chrome or Firefox) fits without casts to `any`.
 */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  onChanged?: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void; removeListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void };
}

export interface TabLike {
  id?: number;
  windowId?: number;
  title?: string;
}

export interface PageReadingBrowser {
  /** Chrome's side panel; absent in Firefox. */
  sidePanel?: { open(options: { tabId: number } | { windowId: number }): Promise<void> };
  /** Firefox's sidebar; absent in Chrome. */
  sidebarAction?: { open(): Promise<void> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  tabs: {
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    query(query: { active: true; currentWindow?: true; lastFocusedWindow?: true }): Promise<TabLike[]>;
  };
  storage: { session?: StorageAreaLike; local: StorageAreaLike };
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage?: {
      addListener(listener: (message: unknown) => void): void;
      removeListener(listener: (message: unknown) => void): void;
    };
  };
}

/** The extension's API in this context, or null outside an extension (the web cockpit, tests). */
export function extensionBrowser(): PageReadingBrowser | null {
  const g = globalThis as { browser?: { runtime?: { id?: string } }; chrome?: { runtime?: { id?: string } } };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome?.runtime?.id ? g.chrome : null;
  return api as PageReadingBrowser | null;
}

/** Where pending selections live: in memory for the browser session where there is such an area. */
export function pendingArea(api: PageReadingBrowser): StorageAreaLike {
  return api.storage.session ?? api.storage.local;
}
