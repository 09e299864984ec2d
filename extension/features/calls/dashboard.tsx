import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Role } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import { ErrorWithRetry } from '../cockpit/error-with-retry';
import { useDebouncedValue } from '../cockpit/use-cockpit-data';
import { CallFiltersFields } from './call-filters';
import type { CallsClient } from './calls-client';
import { saveDownload, type CallsHttp } from './calls-http';
import { DashboardCharts } from './dashboard-charts';
import { EMPTY_FILTER_FORM, toCallFilters } from './filter-form';
import { useDashboard, useScorecards } from './use-calls-data';

export type DashboardPeriod = 'week' | 'month';

/** "Pulpit": the same filters as the list, by week or month, the charts, and the filtered calls as XLSX. */
export function CallsDashboard({
  client,
  http,
  role,
  debounceMs = 300,
}: {
  client: CallsClient;
  http: CallsHttp;
  role: Role;
  debounceMs?: number;
}) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const id = useId();
  const [form, setForm] = useState(EMPTY_FILTER_FORM);
  const [period, setPeriod] = useState<DashboardPeriod>('week');
  const scorecards = useScorecards(client);
  const filters = toCallFilters(useDebouncedValue(form, debounceMs));
  const dashboard = useDashboard(client, { ...filters, period });
  const xlsx = useMutation({ mutationFn: () => http.exportXlsx(filters, lang), onSuccess: (file) => saveDownload(file) });

  return (
    <section aria-labelledby={`${id}-heading`} className="stack dashboard">
      <h2 id={`${id}-heading`}>{t('dashboard.heading')}</h2>
      <CallFiltersFields client={client} role={role} scorecards={scorecards.data ?? []} form={form} onChange={setForm} />
      <div className="row align-end">
        <div className="stack field">
          <label htmlFor={`${id}-period`}>{t('dashboard.period')}</label>
          <select id={`${id}-period`} value={period} onChange={(event) => setPeriod(event.target.value as DashboardPeriod)}>
            <option value="week">{t('dashboard.period.week')}</option>
            <option value="month">{t('dashboard.period.month')}</option>
          </select>
        </div>
        <button type="button" className="secondary" disabled={xlsx.isPending} onClick={() => xlsx.mutate()}>
          {xlsx.isPending ? t('dashboard.xlsx.preparing') : t('dashboard.xlsx')}
        </button>
      </div>
      {xlsx.isError && (
        <p role="alert" className="error">
          {t('dashboard.xlsx.error')}
        </p>
      )}
      {dashboard.isError ? (
        <ErrorWithRetry message={t('dashboard.error')} onRetry={() => void dashboard.refetch()} />
      ) : dashboard.isPending ? (
        <p role="status">{t('dashboard.loading')}</p>
      ) : dashboard.data.totals.calls === 0 ? (
        <p role="status" className="muted">
          {Object.keys(filters).length > 0 ? t('dashboard.emptyFiltered') : t('dashboard.empty')}
        </p>
      ) : (
        <div aria-busy={dashboard.isPlaceholderData}>
          <DashboardCharts data={dashboard.data} period={period} />
        </div>
      )}
    </section>
  );
}
