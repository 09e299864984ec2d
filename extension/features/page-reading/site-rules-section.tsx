import { useEffect, useState } from 'react';
import type { SiteRule } from '../../lib/messages';
import { extensionBrowser } from './page-reading-browser';
import { requestOrigins } from './request-origins';
import { loadSiteRules, saveSiteRules } from './site-rules-storage';
import { SiteRulesForm } from './site-rules-form';

/** The options page's per-site selectors, loaded from and saved to `storage.local`. */
export function SiteRulesSection() {
  const [api] = useState(extensionBrowser);
  const [rules, setRules] = useState<SiteRule[] | null>(null);
  useEffect(() => {
    if (!api) return;
    let active = true;
    void loadSiteRules(api.storage.local).then((loaded) => active && setRules(loaded), () => active && setRules([]));
    return () => {
      active = false;
    };
  }, [api]);
  if (!api || !rules) return null;
  return (
    <SiteRulesForm
      initial={rules}
      save={(next) => saveSiteRules(api.storage.local, next)}
      requestOrigins={(origins) => requestOrigins(api, origins)}
    />
  );
}
