import { useEffect, useId, useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';
import { ApiUrlSchema, LanguageSchema, saveSettings, type Language, type Settings } from '../../lib/settings';
import { useSettings } from '../../lib/use-settings';

export function OptionsPage() {
  const t = useT();
  const settings = useSettings();
  return (
    <main>
      <h1>{t('options.heading')}</h1>
      {settings && <OptionsForm initial={settings} save={saveSettings} />}
    </main>
  );
}

/** The API address (validated as an http(s) URL) and the UI language; `save` is injected for tests. */
export function OptionsForm({ initial, save }: { initial: Settings; save: (settings: Settings) => Promise<unknown> }) {
  const t = useT();
  const id = useId();
  const [apiUrl, setApiUrl] = useState(initial.apiUrl);
  const [language, setLanguage] = useState<Language>(initial.language);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => setSaved(false), [apiUrl, language]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = ApiUrlSchema.safeParse(apiUrl);
    setInvalid(!url.success);
    if (!url.success) return;
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
      <p role="status" className="ok">
        {saved ? t('options.saved') : ''}
      </p>
    </form>
  );
}
