import { useId, type ReactNode } from 'react';
import type { Dashboard } from '@sufler/shared';
import { useLanguageStore, useT } from '../../lib/i18n';
import { BarList, type BarItem } from './bar-list';
import { formatScore, formatSentiment, sentimentTone } from './format';
import { formatPeriod } from './format-period';

const scoreTone = (value: number): BarItem['tone'] => (value >= 70 ? 'good' : value >= 40 ? 'mid' : 'bad');
const groupBy = <T,>(items: readonly T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
};

/** The dashboard's numbers: totals, per consultant, score trend per scorecard, criteria, client sentiment. */
export function DashboardCharts({ data, period }: { data: Dashboard; period: 'week' | 'month' }) {
  const t = useT();
  const lang = useLanguageStore((state) => state.language);
  const score = (value: number | null) => (value === null ? t('calls.none') : formatScore(value, lang));
  const periodText = (value: string) => {
    const { text, weekOf } = formatPeriod(value, period, lang);
    return weekOf ? t('dashboard.weekOf', { date: text }) : text;
  };
  const maxCalls = Math.max(1, ...data.perConsultant.map((row) => row.calls));
  const { totals } = data;
  const totalsId = useId();

  return (
    <div className="stack charts">
      <section className="stack totals-section" aria-labelledby={totalsId}>
        <h3 id={totalsId}>{t('dashboard.totals')}</h3>
        <dl className="facts totals">
          <div>
            <dt>{t('dashboard.totals.calls')}</dt>
            <dd>{totals.calls.toLocaleString(lang)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.totals.scored')}</dt>
            <dd>{totals.scored.toLocaleString(lang)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.totals.avgScore')}</dt>
            <dd>{score(totals.avgScore)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.totals.avgSentiment')}</dt>
            <dd>
              {totals.avgSentiment === null
                ? t('calls.none')
                : `${formatSentiment(totals.avgSentiment, lang)} (${t(`calls.tone.${sentimentTone(totals.avgSentiment)}`)})`}
            </dd>
          </div>
        </dl>
      </section>
      <Chart title={t('dashboard.perConsultant')} empty={data.perConsultant.length === 0}>
        <BarList
          label={t('dashboard.perConsultant')}
          items={data.perConsultant.map((row) => ({
            key: row.consultantId,
            label: row.email,
            value: row.calls / maxCalls,
            text: t('dashboard.callsAndScore', { calls: String(row.calls), score: score(row.avgScore) }),
          }))}
        />
      </Chart>
      <Chart title={t('dashboard.scoreTrend')} empty={data.scoreTrend.length === 0}>
        {groupBy(data.scoreTrend, (row) => row.scorecardKey).map(([key, rows]) => (
          <BarList
            key={key}
            label={t('dashboard.scoreTrendOf', { scorecard: key })}
            items={rows.map((row) => ({
              key: `${key}-${row.period}`,
              label: `${key} · ${periodText(row.period)}`,
              value: (row.avgScore ?? 0) / 100,
              tone: row.avgScore === null ? undefined : scoreTone(row.avgScore),
              text: t('dashboard.scoreOfCalls', { score: score(row.avgScore), calls: String(row.calls) }),
            }))}
          />
        ))}
      </Chart>
      <Chart title={t('dashboard.criteria')} empty={data.criteria.length === 0}>
        {groupBy(data.criteria, (row) => row.scorecardKey).map(([key, rows]) => (
          <BarList
            key={key}
            label={t('dashboard.criteriaOf', { scorecard: key })}
            items={rows.map((row) => ({
              key: `${key}-${row.criterionId}`,
              label: row.label,
              value: row.avg,
              tone: scoreTone(row.avg * 100),
              text: t('dashboard.criterionValue', {
                avg: formatScore(row.avg * 100, lang),
                met: formatScore(row.metShare * 100, lang),
                calls: String(row.calls),
              }),
            }))}
          />
        ))}
      </Chart>
      <Chart title={t('dashboard.sentimentTrend')} empty={data.sentimentTrend.length === 0}>
        <BarList
          diverging
          label={t('dashboard.sentimentTrend')}
          items={data.sentimentTrend.map((row) => ({
            key: row.period,
            label: periodText(row.period),
            value: row.avgSentiment ?? 0,
            tone: row.avgSentiment === null ? undefined : sentimentTone(row.avgSentiment) === 'negative' ? 'bad' : 'good',
            text:
              row.avgSentiment === null
                ? t('dashboard.sentimentNone', { calls: String(row.calls) })
                : t('dashboard.sentimentValue', {
                    value: formatSentiment(row.avgSentiment, lang),
                    tone: t(`calls.tone.${sentimentTone(row.avgSentiment)}`),
                    calls: String(row.calls),
                  }),
          }))}
        />
      </Chart>
    </div>
  );
}

function Chart({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const t = useT();
  const id = useId();
  return (
    <section className="stack chart-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {empty ? <p className="muted">{t('dashboard.noData')}</p> : children}
    </section>
  );
}
