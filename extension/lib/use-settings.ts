import { useEffect, useState } from 'react';
import { useLanguageStore } from './i18n';
import type { SettingsPort } from './platform';
import { loadSettings, watchSettings, type Settings } from './settings';

const extensionSettings: Pick<SettingsPort, 'load' | 'watch'> = { load: loadSettings, watch: watchSettings };

/**
 * The stored settings, live: the options page (or the web cockpit's language switch) saving them updates every
 * open page. Without `port`, the extension's storage.
 */
export function useSettings(port: Pick<SettingsPort, 'load' | 'watch'> = extensionSettings): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const apply = (next: Settings) => {
      setSettings(next);
      useLanguageStore.getState().setLanguage(next.language);
      // Screen readers pick their voice from it.
      document.documentElement.lang = next.language;
    };
    let active = true;
    void port.load().then((loaded) => active && apply(loaded));
    const unwatch = port.watch(apply);
    return () => {
      active = false;
      unwatch();
    };
  }, [port]);
  return settings;
}
