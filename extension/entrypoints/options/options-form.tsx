import { useEffect, useId, useState, type FormEvent } from 'react';
import { extensionBrowser } from '../../features/page-reading/page-reading-browser';
import { requestOrigins } from '../../features/page-reading/request-origins';
import { SiteRulesSection } from '../../features/page-reading/site-rules-section';
import { DEFAULT_API_URL } from '../../lib/health';
import { useT } from '../../lib/i18n';
import { ApiUrlSchema, LanguageSchema, saveSettings, type Language, type Settings } from '../../lib/settings';
import { useSettings } from '../../lib/use-settings';

export function OptionsPage() {
  const t = useT();
  const settings = useSettings();
  return (
    <main>
      <h1>{t('options.heading')}</h1>
      {settings && (
        <OptionsForm initial={settings} save={saveSettings} requestOrigins={(origins) => requestOrigins(extensionBrowser(), origins)} />
      )}
      <SiteRulesSection />
    </main>
  );
}

/** The match pattern for host access to an API address (any port: match patterns for ports differ by browser). */
export function apiOriginPattern(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The API address (validated as an http(s) URL) and the UI language; `save` and `requestOrigins` are
 * injected for tests. An address other than the default needs host access, asked for in the submit
 * handler (the browser grants it only in the user's gesture); refused, nothing is saved.
 */
export function OptionsForm({
  initial,
  save,
  requestOrigins = async () => true,
}: {
  initial: Settings;
  save: (settings: Settings) => Promise<unknown>;
  requestOrigins?: (origins: string[]) => Promise<boolean>;
}) {
  const t = useT();
  const id = useId();
  const [apiUrl, setApiUrl] = useState(initial.apiUrl);
  const [language, setLanguage] = useState<Language>(initial.language);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const [denied, setDenied] = useState<string | null>(null);

  useEffect(() => {
    setSaved(false);
    setDenied(null);
  }, [apiUrl, language]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = ApiUrlSchema.safeParse(apiUrl);
    setInvalid(!url.success);
    if (!url.success) return;
    const pattern = apiOriginPattern(url.data);
    if (pattern !== apiOriginPattern(DEFAULT_API_URL) && !(await requestOrigins([pattern]))) {
      setDenied(new URL(url.data).origin);
      return;
    }
    await save({ apiUrl: url.data, language });
    setSaved(true);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={`${id}-url`}>{t('options.apiUrl')}</label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        value={apiUrl}
        onChange={(event) => setApiUrl(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-url-error` : undefined}
      />
      {invalid && (
        <p id={`${id}-url-error`} className="error">
          {t('options.apiUrlInvalid')}
        </p>
      )}
      <label htmlFor={`${id}-language`}>{t('options.language')}</label>
      <select
        id={`${id}-language`}
        value={language}
        onChange={(event) => setLanguage(LanguageSchema.catch(language).parse(event.target.value))}
      >
        {LanguageSchema.options.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
      <button type="submit">{t('options.save')}</button>
      <p role="status" className={denied ? 'error' : 'ok'}>
        {saved ? t('options.saved') : denied ? t('options.apiPermissionDenied', { origin: denied }) : ''}
      </p>
    </form>
  );
}
