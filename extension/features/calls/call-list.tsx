import { useEffect, useId, useRef } from 'react';
import { useT } from '../../lib/i18n';
import { ErrorWithRetry } from '../cockpit/error-with-retry';
import { useDebouncedValue } from '../cockpit/use-cockpit-data';
import { CallFiltersFields } from './call-filters';
import { CallRow } from './call-row';
import { CallTable } from './call-table';
import type { CallsClient } from './calls-client';
import type { CallsUser } from './calls-screen';
import { EMPTY_FILTER_FORM, toCallFilters, type FilterForm } from './filter-form';
import { UploadZone } from './upload-zone';
import type { UploadStore } from './upload-store';
import { PAGE_SIZE, useCallList, useScorecards } from './use-calls-data';
import { useMediaQuery, WIDE_SCREEN } from './use-media-query';

export interface ListState {
  form: FilterForm;
  offset: number;
}

export const INITIAL_LIST_STATE: ListState = { form: EMPTY_FILTER_FORM, offset: 0 };

/** The calls screen: upload, filters and search, then the calls page by page (cards, or a table when wide). */
export function CallList({
  client,
  user,
  uploads,
  state,
  onStateChange,
  onOpen,
  debounceMs = 300,
}: {
  client: CallsClient;
  user: CallsUser;
  uploads: UploadStore;
  state: ListState;
  onStateChange: (state: ListState) => void;
  onOpen: (id: string) => void;
  debounceMs?: number;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const scorecards = useScorecards(client);
  const filters = toCallFilters(useDebouncedValue(state.form, debounceMs));
  const list = useCallList(client, filters, state.offset);
  const wide = useMediaQuery(WIDE_SCREEN);

  // Back from a call: the keyboard starts from the list's heading, not the top of the page.
  useEffect(() => heading.current?.focus(), []);

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;
  return (
    <section aria-labelledby={`${id}-heading`} className="stack calls">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('calls.heading')}
      </h2>
      <UploadZone client={client} user={user} store={uploads} scorecards={scorecards.data ?? []} onOpen={onOpen} />
      <CallFiltersFields
        client={client}
        role={user.role}
        scorecards={scorecards.data ?? []}
        form={state.form}
        onChange={(form) => onStateChange({ form, offset: 0 })}
      />
      <h3 id={`${id}-results`}>{t('calls.results')}</h3>
      {list.isError ? (
        <ErrorWithRetry message={t('calls.listError')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <p role="status">{t('calls.loading')}</p>
      ) : items.length === 0 ? (
        <p role="status" className="muted">
          {filtered ? t('calls.emptyFiltered') : t('calls.empty')}
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {t('calls.range', { from: String(state.offset + 1), to: String(state.offset + items.length), total: String(total) })}
          </p>
          {wide ? (
            <CallTable client={client} calls={items} labelledBy={`${id}-results`} busy={list.isPlaceholderData} onOpen={onOpen} />
          ) : (
            <ul aria-labelledby={`${id}-results`} className="plain stack" aria-busy={list.isPlaceholderData}>
              {items.map((call) => (
                <CallRow key={call.id} client={client} call={call} onOpen={onOpen} />
              ))}
            </ul>
          )}
        </>
      )}
      {total > PAGE_SIZE && (
        <nav aria-label={t('calls.paging')} className="row">
          <button
            type="button"
            className="secondary"
            disabled={state.offset === 0}
            onClick={() => onStateChange({ ...state, offset: Math.max(0, state.offset - PAGE_SIZE) })}
          >
            {t('calls.previous')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={state.offset + PAGE_SIZE >= total}
            onClick={() => onStateChange({ ...state, offset: state.offset + PAGE_SIZE })}
          >
            {t('calls.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
