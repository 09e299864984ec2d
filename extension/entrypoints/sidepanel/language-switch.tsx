import { useId } from 'react';
import { useT } from '../../lib/i18n';
import { LanguageSchema, type Language } from '../../lib/settings';

/** Each language named in itself, so someone who reads only one of them can still find it. */
const ENDONYMS: Record<Language, string> = { pl: 'Polski', en: 'English' };

/** The web cockpit's language control (the side panel has the options page for it). */
export function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('options.language')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const parsed = LanguageSchema.safeParse(event.target.value);
          if (parsed.success) onChange(parsed.data);
        }}
      >
        {LanguageSchema.options.map((option) => (
          <option key={option} value={option} lang={option}>
            {ENDONYMS[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
