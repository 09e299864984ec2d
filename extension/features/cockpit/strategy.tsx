import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Strategy, StrategyResult } from '@sufler/shared';
import { useLanguageStore, useT, type MessageKey } from '../../lib/i18n';
import type { CockpitClient } from './cockpit-client';
import { ErrorWithRetry } from './error-with-retry';

export const STRATEGY_TABS = ['summary', 'phrasesAndStyle', 'script', 'objections', 'qualifyingQuestions'] as const;
export type StrategyTab = (typeof STRATEGY_TABS)[number];

/**
 * The full strategy on demand: a button that asks the API (in the UI's language) and opens the five tabs of
 * the seed. The API caches it until the session changes, so asking again after an observation is cheap.
 */
export function StrategySection({ client, sessionId }: { client: CockpitClient; sessionId: string }) {
  const t = useT();
  const id = useId();
  const language = useLanguageStore((state) => state.language);
  const [open, setOpen] = useState(false);
  const strategy = useMutation({
    mutationFn: () => client.analysis.strategy.mutate({ sessionId, language }),
  });

  const toggle = () => {
    if (open) return setOpen(false);
    setOpen(true);
    if (!strategy.isPending) strategy.mutate();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <div className="row">
        <h2 id={`${id}-heading`}>{t('strategy.heading')}</h2>
        <button type="button" className="secondary" aria-expanded={open} aria-controls={`${id}-panel`} onClick={toggle}>
          {t('strategy.open')}
        </button>
        {open && strategy.isSuccess && (
          <button type="button" className="secondary" disabled={strategy.isPending} onClick={() => strategy.mutate()}>
            {t('strategy.refresh')}
          </button>
        )}
      </div>
      <div id={`${id}-panel`} hidden={!open} aria-busy={strategy.isPending}>
        {open &&
          (strategy.isPending ? (
            <p role="status">{t('strategy.loading')}</p>
          ) : strategy.isError ? (
            <ErrorWithRetry message={t('strategy.error')} onRetry={() => strategy.mutate()} />
          ) : strategy.data ? (
            <StrategyTabs result={strategy.data} />
          ) : null)}
      </div>
    </section>
  );
}

const TAB_LABELS: Record<StrategyTab, MessageKey> = {
  summary: 'strategy.tab.summary',
  phrasesAndStyle: 'strategy.tab.phrasesAndStyle',
  script: 'strategy.tab.script',
  objections: 'strategy.tab.objections',
  qualifyingQuestions: 'strategy.tab.qualifyingQuestions',
};

/** WAI-ARIA tabs with automatic activation: arrows move and select, Home/End jump, Tab goes into the panel. */
export function StrategyTabs({ result }: { result: StrategyResult }) {
  const t = useT();
  const id = useId();
  const [selected, setSelected] = useState<StrategyTab>('summary');
  const tabs = useRef<Partial<Record<StrategyTab, HTMLButtonElement | null>>>({});

  const select = (tab: StrategyTab) => {
    setSelected(tab);
    tabs.current[tab]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = STRATEGY_TABS.indexOf(selected);
    const last = STRATEGY_TABS.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index === last ? 0 : index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index === 0 ? last : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    select(STRATEGY_TABS[next]!);
  };

  return (
    <div className="stack">
      {result.producedBy.mode === 'rules' && (
        <p>
          <span className="badge" title={t('analysis.rulesModeTitle')}>
            {t('analysis.rulesMode')}
          </span>
        </p>
      )}
      <div role="tablist" aria-label={t('strategy.heading')} className="tabs" onKeyDown={onKeyDown}>
        {STRATEGY_TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab}`}
            aria-selected={tab === selected}
            aria-controls={`${id}-panel-${tab}`}
            tabIndex={tab === selected ? 0 : -1}
            className="tab"
            onClick={() => select(tab)}
          >
            {t(TAB_LABELS[tab])}
          </button>
        ))}
      </div>
      {STRATEGY_TABS.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`${id}-panel-${tab}`}
          aria-labelledby={`${id}-tab-${tab}`}
          hidden={tab !== selected}
          tabIndex={0}
          className="card tabpanel"
        >
          {tab === selected && <TabContent tab={tab} strategy={result.strategy} />}
        </div>
      ))}
    </div>
  );
}

function List({ items, ordered = false }: { items: string[]; ordered?: boolean }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t('strategy.none')}</p>;
  const children = items.map((item, index) => <li key={index}>{item}</li>);
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h3>{title}</h3>
      {children}
    </>
  );
}

function TabContent({ tab, strategy }: { tab: StrategyTab; strategy: Strategy }) {
  const t = useT();
  switch (tab) {
    case 'summary':
      return (
        <>
          <p>{strategy.summary.text}</p>
          <Part title={t('strategy.motivations')}>
            <List items={strategy.summary.motivations} />
          </Part>
        </>
      );
    case 'phrasesAndStyle':
      return (
        <>
          <Part title={t('strategy.keyPhrases')}>
            <List items={strategy.phrasesAndStyle.keyPhrases} />
          </Part>
          <Part title={t('strategy.style')}>
            <p>{strategy.phrasesAndStyle.style}</p>
          </Part>
        </>
      );
    case 'script':
      return (
        <>
          <Part title={t('strategy.steps')}>
            <List items={strategy.script.steps} ordered />
          </Part>
          <Part title={t('strategy.nextSteps')}>
            <List items={strategy.script.nextSteps} />
          </Part>
        </>
      );
    case 'objections':
      return strategy.objections.length === 0 ? (
        <p className="muted">{t('strategy.none')}</p>
      ) : (
        <dl className="objections">
          {strategy.objections.map((item, index) => (
            <div key={index}>
              <dt>{item.objection}</dt>
              <dd>{item.response}</dd>
            </div>
          ))}
        </dl>
      );
    case 'qualifyingQuestions':
      return <List items={strategy.qualifyingQuestions} ordered />;
  }
}
