import { useState, type ReactNode } from 'react';
import { useT } from '../../lib/i18n';
import { followLink, routeHref, SECTIONS, type Section } from './app-route';

/**
 * The app's sections as links (each has its address, so it can be opened in a new tab); the current
 * one is `aria-current="page"`, not colour alone. `sections` are the ones this user has.
 */
export function SectionNav({
  value,
  sections = SECTIONS,
  onNavigate,
}: {
  value: Section;
  sections?: readonly Section[];
  onNavigate: (section: Section) => void;
}) {
  const t = useT();
  return (
    <nav aria-label={t('nav.label')} className="section-nav">
      <ul className="plain">
        {sections.map((section) => (
          <li key={section}>
            <a
              href={routeHref({ section, callId: null })}
              className="nav-link"
              aria-current={value === section ? 'page' : undefined}
              onClick={(event) => followLink(event, () => onNavigate(section))}
            >
              {t(`nav.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The navigation and the sections under it; `current` comes from the route. A section mounts when first
 * shown and then stays mounted while hidden: a running analysis, an upload or an open transcript survives a
 * look at another section. `data-section` lets the stylesheet widen the page for calls and the dashboard.
 * A section left out of `sections` (undefined: the scorecard templates for anyone but an admin) has no link
 * and no page; its address shows the assistant.
 */
export function SectionSwitch({
  current,
  sections,
  onNavigate,
}: {
  current: Section;
  sections: Partial<Record<Section, ReactNode>>;
  onNavigate: (section: Section) => void;
}) {
  const available = SECTIONS.filter((section) => sections[section] !== undefined);
  const shown = available.includes(current) ? current : 'assistant';
  const [opened, setOpened] = useState<ReadonlySet<Section>>(() => new Set([shown]));
  // Derived during render (React's pattern for state that follows a prop): no frame shows the section unmounted.
  if (!opened.has(shown)) setOpened(new Set([...opened, shown]));
  return (
    <>
      <SectionNav value={shown} sections={available} onNavigate={onNavigate} />
      {available
        .filter((section) => opened.has(section))
        .map((section) => (
          <div key={section} hidden={section !== shown} className="section" data-section={section}>
            {sections[section]}
          </div>
        ))}
    </>
  );
}
