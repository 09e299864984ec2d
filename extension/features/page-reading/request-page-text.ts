import { PageTextSchema, type PageText, type ReadPageRequest } from '../../lib/messages';
import type { PageReadingBrowser } from './page-reading-browser';

/** The content script's bundle (extension/entrypoints/page-reader.content.ts), injected on demand. */
export const PAGE_READER_FILE = '/content-scripts/page-reader.js';

/**
 * `no-access`: the extension may not script this tab (no activeTab grant, no host permission);
 * `restricted`: no extension may (browser pages, the web store); `no-reply` / `bad-reply`: the content
 * script did not answer or answered something else; `aborted`: the caller gave up.
 */
export type PageReadErrorCode = 'no-tab' | 'no-access' | 'restricted' | 'no-reply' | 'bad-reply' | 'aborted';

export class PageReadError extends Error {
  constructor(
    readonly code: PageReadErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`page reading failed: ${code}`, options);
    this.name = 'PageReadError';
  }
}

function injectionError(error: unknown): PageReadError {
  const message = error instanceof Error ? error.message : String(error);
  const restricted = /chrome:\/\/|chrome-extension:\/\/|about:|moz-extension:|gallery|webstore|addons\.mozilla|cannot be scripted/i;
  return new PageReadError(restricted.test(message) ? 'restricted' : 'no-access', { cause: error });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new PageReadError('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new PageReadError('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Injects the page reader into a tab and asks it to read: the answer is validated, since a content script
 * runs in a page the extension does not control. Injecting again is harmless (WXT's context stops the old copy).
 */
export async function requestPageText(
  api: PageReadingBrowser,
  tabId: number,
  request: ReadPageRequest,
  signal?: AbortSignal,
): Promise<PageText> {
  await abortable(api.scripting.executeScript({ target: { tabId }, files: [PAGE_READER_FILE] }), signal).catch((error: unknown) => {
    throw error instanceof PageReadError ? error : injectionError(error);
  });
  const reply = await abortable(api.tabs.sendMessage(tabId, request), signal).catch((error: unknown) => {
    throw error instanceof PageReadError ? error : new PageReadError('no-reply', { cause: error });
  });
  const parsed = PageTextSchema.safeParse(reply);
  if (!parsed.success) throw new PageReadError(reply === undefined ? 'no-reply' : 'bad-reply');
  return parsed.data;
}
