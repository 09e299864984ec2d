import type { PageReadingBrowser, StorageAreaLike, TabLike } from './page-reading-browser';

type Listener = (changes: Record<string, { newValue?: unknown }>) => void;

/** An in-memory storage area with change events, like `browser.storage.session`. */
export function fakeStorageArea(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Record<string, unknown> } {
  const data = { ...initial };
  const listeners = new Set<Listener>();
  const emit = (changes: Record<string, { newValue?: unknown }>) => listeners.forEach((listener) => listener(changes));
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
      emit(Object.fromEntries(Object.entries(items).map(([key, value]) => [key, { newValue: value }])));
    },
    async remove(key) {
      delete data[key];
      emit({ [key]: {} });
    },
    onChanged: { addListener: (listener) => listeners.add(listener), removeListener: (listener) => listeners.delete(listener) },
  };
}

export interface FakeBrowserOptions {
  /** What executeScript does: resolve, or reject with this error (no permission, a chrome:// page). */
  injectError?: Error;
  /** The content script's answer to a message, by tab id. */
  reply?: (tabId: number, message: unknown) => unknown;
  /** Chrome (side panel) or Firefox (sidebar). */
  flavour?: 'chrome' | 'firefox';
  /** Whether opening the panel succeeds (it needs a user gesture). */
  panelOpens?: boolean;
  activeTab?: TabLike;
}

/** The extension API slice page reading uses, recording what was called. */
export function fakePageReadingBrowser(options: FakeBrowserOptions = {}) {
  const calls: { api: string; args: unknown[] }[] = [];
  const record = (api: string, ...args: unknown[]) => void calls.push({ api, args });
  const session = fakeStorageArea();
  const local = fakeStorageArea();
  const messageListeners = new Set<(message: unknown) => void>();
  const open = async (...args: unknown[]) => {
    record(options.flavour === 'firefox' ? 'sidebarAction.open' : 'sidePanel.open', ...args);
    if (options.panelOpens === false) throw new Error('`sidePanel.open()` may only be called in response to a user gesture.');
  };
  const api: PageReadingBrowser = {
    ...(options.flavour === 'firefox' ? { sidebarAction: { open } } : { sidePanel: { open } }),
    scripting: {
      async executeScript(injection) {
        record('scripting.executeScript', injection);
        if (options.injectError) throw options.injectError;
        return [];
      },
    },
    tabs: {
      async sendMessage(tabId, message) {
        record('tabs.sendMessage', tabId, message);
        return options.reply?.(tabId, message);
      },
      async query(query) {
        record('tabs.query', query);
        return options.activeTab ? [options.activeTab] : [];
      },
    },
    storage: { session, local },
    runtime: {
      async sendMessage(message) {
        record('runtime.sendMessage', message);
        if (messageListeners.size === 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        messageListeners.forEach((listener) => listener(message));
      },
      onMessage: { addListener: (l) => messageListeners.add(l), removeListener: (l) => messageListeners.delete(l) },
    },
  };
  return { api, calls, session, local };
}
