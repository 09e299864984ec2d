import type { ClientListInput } from '@sufler/shared';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';
import { ArchiveNotice } from '../clients/archive-notice';
import { ClientHistory } from '../clients/client-history';
import { ClientResult } from '../clients/client-result';
import { useSetArchived } from '../clients/use-client-history';
import type { Client, CockpitClient } from './cockpit-client';
import { ErrorWithRetry } from './error-with-retry';
import { useClientSearch, useCreateClient } from './use-cockpit-data';

type ArchivedFilter = ClientListInput['archived'];
const FILTERS: readonly ArchivedFilter[] = ['exclude', 'only', 'include'];

/**
 * Find a client as you type (active, archived or all), or add one by name; either way `onPick` gets the client.
 * Each result opens its history, and can be archived (confirmed in place, with undo) or restored.
 */
export function ClientPicker({
  client,
  onPick,
  busy = false,
  debounceMs = 250,
}: {
  client: CockpitClient;
  onPick: (picked: Client) => void;
  busy?: boolean;
  debounceMs?: number;
}) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<ArchivedFilter>('exclude');
  const [name, setName] = useState('');
  const [historyFor, setHistoryFor] = useState<Client | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ target: Client; archived: boolean } | null>(null);
  const results = useClientSearch(client, search, debounceMs, filter);
  const create = useCreateClient(client);
  const archiving = useSetArchived(client);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || create.isPending) return;
    create.mutate(name, {
      onSuccess: (created) => {
        setName('');
        onPick(created);
      },
    });
  };

  const setArchived = (target: Client, archived: boolean) =>
    archiving.mutate(
      { target, archived },
      {
        onSuccess: (updated) => {
          setConfirming(null);
          setNotice({ target: updated, archived });
        },
      },
    );

  if (historyFor)
    return (
      <ClientHistory client={client} of={historyFor} onOpen={onPick} busy={busy} onBack={() => setHistoryFor(null)} />
    );

  const items = results.data?.items ?? [];
  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <h2 id={`${id}-heading`}>{t('clients.heading')}</h2>
      <div className="search-row">
        <div className="stack">
          <label htmlFor={`${id}-search`}>{t('clients.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="stack">
          <label htmlFor={`${id}-filter`}>{t('clients.filter')}</label>
          <select id={`${id}-filter`} value={filter} onChange={(event) => setFilter(event.target.value as ArchivedFilter)}>
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`clients.filter.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {notice && (
        <ArchiveNotice
          target={notice.target}
          archived={notice.archived}
          undoing={archiving.isPending}
          onUndo={() => setArchived(notice.target, false)}
        />
      )}
      {archiving.isError && (
        <p role="alert" className="error">
          {t(archiving.variables.archived ? 'clients.archiveError' : 'clients.unarchiveError')}
        </p>
      )}
      {results.isError ? (
        <ErrorWithRetry message={t('cockpit.error')} onRetry={() => void results.refetch()} />
      ) : results.isPending || results.settling || results.isFetching ? (
        <p role="status" className="muted">
          {t('clients.searching')}
        </p>
      ) : items.length === 0 ? (
        <p role="status" className="muted">
          {results.term
            ? t('clients.empty', { term: results.term })
            : t(filter === 'only' ? 'clients.emptyArchived' : 'clients.none')}
        </p>
      ) : null}
      {items.length > 0 && (
        <ul aria-label={t('clients.results')} className="plain stack">
          {items.map((item) => (
            <ClientResult
              key={item.id}
              item={item}
              busy={busy || archiving.isPending}
              confirming={confirming === item.id}
              archiving={archiving.isPending}
              onOpen={() => onPick(item)}
              onHistory={() => setHistoryFor(item)}
              onArchive={() => setConfirming(item.id)}
              onConfirm={() => setArchived(item, true)}
              onCancel={() => setConfirming(null)}
              onRestore={() => setArchived(item, false)}
            />
          ))}
        </ul>
      )}
      <form onSubmit={submit} aria-busy={create.isPending}>
        <label htmlFor={`${id}-name`}>{t('clients.newName')}</label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        {create.isError && (
          <p role="alert" className="error">
            {t('clients.createError')}
          </p>
        )}
        <button type="submit" disabled={!name.trim() || create.isPending || busy}>
          {create.isPending ? t('clients.creating') : t('clients.create')}
        </button>
      </form>
    </section>
  );
}
