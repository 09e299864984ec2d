import { useId, type ReactNode } from 'react';
import { CALL_STATUSES, TEAM_ROLES, type Role, type Scorecard } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import type { CallsClient } from './calls-client';
import { EMPTY_FILTER_FORM, type FilterForm } from './filter-form';
import { useUsers } from './use-calls-data';

/**
 * The filters shared by the list, the dashboard and the XLSX export: the transcript search always in view,
 * the rest folded (a phone has no room for eight fields above the results). Consultants see only their own
 * calls, so only managers and admins get the consultant filter.
 */
export function CallFiltersFields({
  client,
  role,
  scorecards,
  form,
  onChange,
}: {
  client: CallsClient;
  role: Role;
  scorecards: readonly Scorecard[];
  form: FilterForm;
  onChange: (form: FilterForm) => void;
}) {
  const t = useT();
  const id = useId();
  const team = TEAM_ROLES.includes(role);
  const consultants = useUsers(client, team);
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => onChange({ ...form, [key]: value });
  const active = (Object.keys(form) as (keyof FilterForm)[]).filter((key) => key !== 'q' && form[key] !== '').length;

  return (
    <div className="stack filters">
      <div className="stack">
        <label htmlFor={`${id}-q`}>{t('calls.filter.q')}</label>
        <input
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          aria-describedby={`${id}-q-hint`}
          value={form.q}
          maxLength={200}
          onChange={(event) => set('q', event.target.value)}
        />
        <p id={`${id}-q-hint`} className="muted hint">
          {t('calls.filter.qHint')}
        </p>
      </div>
      <details>
        <summary>{active > 0 ? t('calls.filter.headingActive', { count: String(active) }) : t('calls.filter.heading')}</summary>
        <div className="filter-grid">
          <Field id={`${id}-from`} label={t('calls.filter.from')}>
            <input id={`${id}-from`} type="date" value={form.from} onChange={(event) => set('from', event.target.value)} />
          </Field>
          <Field id={`${id}-to`} label={t('calls.filter.to')}>
            <input id={`${id}-to`} type="date" value={form.to} onChange={(event) => set('to', event.target.value)} />
          </Field>
          {team && (
            <Field id={`${id}-consultant`} label={t('calls.filter.consultant')}>
              <select id={`${id}-consultant`} value={form.consultantId} onChange={(event) => set('consultantId', event.target.value)}>
                <option value="">{t('calls.filter.anyone')}</option>
                {(consultants.data ?? []).map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.email}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field id={`${id}-scorecard`} label={t('calls.filter.scorecard')}>
            <select id={`${id}-scorecard`} value={form.scorecardKey} onChange={(event) => set('scorecardKey', event.target.value)}>
              <option value="">{t('calls.filter.any')}</option>
              {scorecards.map((scorecard) => (
                <option key={scorecard.key} value={scorecard.key}>
                  {scorecard.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-min`} label={t('calls.filter.minScore')}>
            <input id={`${id}-min`} type="number" inputMode="numeric" min={0} max={100} value={form.minScore} onChange={(event) => set('minScore', event.target.value)} />
          </Field>
          <Field id={`${id}-max`} label={t('calls.filter.maxScore')}>
            <input id={`${id}-max`} type="number" inputMode="numeric" min={0} max={100} value={form.maxScore} onChange={(event) => set('maxScore', event.target.value)} />
          </Field>
          <Field id={`${id}-status`} label={t('calls.filter.status')}>
            <select id={`${id}-status`} value={form.status} onChange={(event) => set('status', event.target.value as FilterForm['status'])}>
              <option value="">{t('calls.filter.any')}</option>
              {CALL_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`calls.status.${status}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="button" className="secondary small" disabled={active === 0 && form.q === ''} onClick={() => onChange(EMPTY_FILTER_FORM)}>
          {t('calls.filter.clear')}
        </button>
      </details>
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="stack field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
