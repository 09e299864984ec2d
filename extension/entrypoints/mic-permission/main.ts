import { browser } from 'wxt/browser';
import { translator } from '../../lib/i18n';
import { loadSettings } from '../../lib/settings';
import type { MicPermissionResult } from '../../features/live/capture/live-messages';

/**
 * Asks for the microphone once, in a tab: an offscreen document, a side panel or a popup cannot show the
 * browser's prompt (TOOLCHAIN "Live capture facts"). The permission then belongs to the extension's origin,
 * so the offscreen document (or the Firefox sidebar) can use it. Reports the result to the background and
 * the panel (`sufler/live-mic-permission-result`), and closes itself on success.
 */

const el = (id: string) => document.getElementById(id)!;

async function main() {
  const { language } = await loadSettings();
  const t = translator(language);
  document.documentElement.lang = language;
  document.title = t('live.capture.micPage.title');
  el('title').textContent = t('live.capture.micPage.title');
  el('intro').textContent = t('live.capture.micPage.intro');
  const retry = el('retry') as HTMLButtonElement;
  retry.textContent = t('live.capture.micPage.retry');

  const report = (result: Omit<MicPermissionResult, 'type'>) =>
    browser.runtime.sendMessage({ type: 'sufler/live-mic-permission-result', ...result } satisfies MicPermissionResult).catch(() => undefined);

  const ask = async () => {
    retry.hidden = true;
    el('status').textContent = t('live.capture.micPage.asking');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      for (const track of stream.getTracks()) track.stop();
      el('status').textContent = t('live.capture.micPage.granted');
      await report({ granted: true });
      // "Allow this time" ends with this page; a remembered permission stays for the extension.
      setTimeout(() => window.close(), 600);
    } catch (error) {
      const name = error instanceof DOMException ? error.name : 'Error';
      el('status').textContent = t(name === 'NotFoundError' ? 'live.capture.micPage.noDevice' : 'live.capture.micPage.denied');
      retry.hidden = false;
      await report({ granted: false, error: name.slice(0, 200) });
    }
  };
  retry.addEventListener('click', () => void ask());
  await ask();
}

void main();
