import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPageText } from '../features/page-reading/read-page-text';
import { ReadPageRequestSchema, parseMessage } from '../lib/messages';

/**
 * The page reader. Not declared for any site: the side panel and the background inject it into the active
 * tab on demand (activeTab + scripting), so the extension asks for no access to every page. It only reads
 * the page and answers; the extension pages call the API.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const onMessage = (raw: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      // An older copy, orphaned by an extension update or a second injection, stays quiet.
      if (ctx.isInvalid) return;
      const request = parseMessage(ReadPageRequestSchema, raw);
      if (!request) return;
      sendResponse(readPageText(document, { want: request.want, rules: request.rules, hostname: location.hostname }));
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
