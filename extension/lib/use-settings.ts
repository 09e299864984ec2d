import { useEffect, useState } from 'react';
import { useLanguageStore } from './i18n';
import { loadSettings, watchSettings, type Settings } from './settings';

/** The stored settings, live: the options page saving them updates every open extension page. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const apply = (next: Settings) => {
      setSettings(next);
      useLanguageStore.getState().setLanguage(next.language);
      // Screen readers pick their voice from it.
      document.documentElement.lang = next.language;
    };
    let active = true;
    void loadSettings().then((loaded) => active && apply(loaded));
    const unwatch = watchSettings(apply);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return settings;
}
