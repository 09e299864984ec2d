import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../../lib/i18n';
import type { SiteRule } from '../../lib/messages';
import { DEFAULT_SITE_RULES } from './default-site-rules';
import { originsForHostPattern } from './host-pattern';
import { isBlankDraft, validateSiteRule, type SiteRuleDraft, type SiteRuleProblem } from './validate-site-rule';

interface Row extends SiteRuleDraft {
  key: number;
}

type Status = { kind: 'saved' } | { kind: 'denied'; hosts: string } | { kind: 'error' } | null;

const problemKey: Record<SiteRuleProblem['code'], MessageKey> = {
  'host-invalid': 'options.sites.hostInvalid',
  'selectors-empty': 'options.sites.selectorsEmpty',
  'selector-invalid': 'options.sites.selectorInvalid',
};

/**
 * The options page's per-site selectors. Saving asks the browser for access to those hosts (inside the
 * submit handler: a permission request needs the user's gesture); refused, the rules are kept and the rep
 * is told that those pages are read only after clicking the toolbar icon there.
 */
export function SiteRulesForm({
  initial,
  save,
  requestOrigins,
  doc = document,
}: {
  initial: SiteRule[];
  save: (rules: SiteRule[]) => Promise<unknown>;
  requestOrigins: (origins: string[]) => Promise<boolean>;
  doc?: Pick<Document, 'querySelector'>;
}) {
  const t = useT();
  const id = useId();
  const nextKey = useRef(initial.length);
  const [rows, setRows] = useState<Row[]>(() => initial.map((rule, key) => ({ key, host: rule.hostPattern, selectors: rule.selectors.join('\n') })));
  const [problems, setProblems] = useState<Record<number, SiteRuleProblem[]>>({});
  const [status, setStatus] = useState<Status>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => setStatus(null), [rows]);

  const update = (key: number, change: Partial<SiteRuleDraft>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    const key = nextKey.current++;
    setRows((current) => [...current, { key, host: '', selectors: '' }]);
    requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-host-${key}`)}`)?.focus());
  };
  const remove = (key: number) => setRows((current) => current.filter((row) => row.key !== key));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<number, SiteRuleProblem[]> = {};
    const rules: SiteRule[] = [];
    for (const row of rows) {
      if (isBlankDraft(row)) continue;
      const checked = validateSiteRule(doc, row);
      if (checked.ok) rules.push(checked.rule);
      else found[row.key] = checked.problems;
    }
    setProblems(found);
    const firstBad = rows.find((row) => found[row.key]);
    if (firstBad) {
      const field = found[firstBad.key]![0]!.field;
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${field}-${firstBad.key}`)}`)?.focus());
      return;
    }
    const hosts = [...new Set(rules.map((rule) => rule.hostPattern))];
    // Asked before anything is awaited, while the click still counts as the rep's gesture.
    const asking = hosts.length > 0 ? requestOrigins(hosts.flatMap(originsForHostPattern)).catch(() => false) : Promise.resolve(true);
    void (async () => {
      try {
        await save(rules);
        const granted = await asking;
        setStatus(granted ? { kind: 'saved' } : { kind: 'denied', hosts: hosts.join(', ') });
      } catch {
        setStatus({ kind: 'error' });
      }
    })();
  };

  const n = (index: number) => ({ n: String(index + 1) });
  const describe = (key: number, field: SiteRuleProblem['field']) =>
    problems[key]?.some((problem) => problem.field === field) ? `${id}-${field}-${key}-error` : undefined;
  const message = (key: number, field: SiteRuleProblem['field']) => {
    const problem = problems[key]?.find((p) => p.field === field);
    if (!problem) return null;
    return (
      <p id={`${id}-${field}-${key}-error`} className="error">
        {t(problemKey[problem.code], problem.code === 'selector-invalid' ? { selector: problem.selector } : undefined)}
      </p>
    );
  };

  return (
    <section aria-labelledby={`${id}-heading`} data-testid="site-rules">
      <h2 id={`${id}-heading`}>{t('options.sites.heading')}</h2>
      <p className="muted">{t('options.sites.intro')}</p>
      <form ref={form} onSubmit={submit} noValidate>
        {rows.length === 0 && <p className="muted">{t('options.sites.empty')}</p>}
        {rows.map((row, index) => (
          <fieldset key={row.key} className="card site-rule">
            <legend className="visually-hidden">{t('options.sites.host', n(index))}</legend>
            <label htmlFor={`${id}-host-${row.key}`}>{t('options.sites.host', n(index))}</label>
            <input
              id={`${id}-host-${row.key}`}
              value={row.host}
              placeholder="crm.example.com"
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => update(row.key, { host: event.target.value })}
              aria-invalid={Boolean(describe(row.key, 'host'))}
              aria-describedby={describe(row.key, 'host')}
            />
            {message(row.key, 'host')}
            <label htmlFor={`${id}-selectors-${row.key}`}>{t('options.sites.selectors', n(index))}</label>
            <textarea
              id={`${id}-selectors-${row.key}`}
              rows={3}
              value={row.selectors}
              placeholder=".client-notes"
              spellCheck={false}
              onChange={(event) => update(row.key, { selectors: event.target.value })}
              aria-invalid={Boolean(describe(row.key, 'selectors'))}
              aria-describedby={describe(row.key, 'selectors')}
            />
            {message(row.key, 'selectors')}
            <button type="button" className="secondary" onClick={() => remove(row.key)}>
              {t('options.sites.remove', n(index))}
            </button>
          </fieldset>
        ))}
        <div className="row">
          <button type="button" className="secondary" onClick={add}>
            {t('options.sites.add')}
          </button>
          <button type="submit">{t('options.sites.save')}</button>
        </div>
        <p role="status" className={status && status.kind !== 'saved' ? 'error' : 'ok'}>
          {status?.kind === 'saved' && t('options.sites.saved')}
          {status?.kind === 'denied' && t('options.sites.denied', { hosts: status.hosts })}
          {status?.kind === 'error' && t('options.sites.saveError')}
        </p>
      </form>
      <details>
        <summary>{t('options.sites.builtIn')}</summary>
        <table className="rules">
          <thead>
            <tr>
              <th scope="col">{t('options.sites.builtInHost')}</th>
              <th scope="col">{t('options.sites.builtInSelectors')}</th>
            </tr>
          </thead>
          <tbody>
            {DEFAULT_SITE_RULES.map((rule) => (
              <tr key={rule.hostPattern}>
                <td>{rule.hostPattern}</td>
                <td>
                  {rule.selectors.map((selector) => (
                    <code key={selector}>{selector}</code>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
