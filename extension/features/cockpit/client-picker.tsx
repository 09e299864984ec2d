import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';
import type { Client, CockpitClient } from './cockpit-client';
import { useClientSearch, useCreateClient } from './use-cockpit-data';

/** Find a client as you type, or add one by name; either way `onPick` gets the client. */
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
  const [name, setName] = useState('');
  const results = useClientSearch(client, search, debounceMs);
  const create = useCreateClient(client);

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

  const items = results.data?.items ?? [];
  return (
    <section aria-labelledby={`${id}-heading`} className="stack">
      <h2 id={`${id}-heading`}>{t('clients.heading')}</h2>
      <label htmlFor={`${id}-search`}>{t('clients.search')}</label>
      <input
        id={`${id}-search`}
        type="search"
        autoComplete="off"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {results.isError ? (
        <div role="alert" className="row">
          <p className="error">{t('cockpit.error')}</p>
          <button type="button" className="secondary" onClick={() => void results.refetch()}>
            {t('cockpit.retry')}
          </button>
        </div>
      ) : results.isPending || results.settling || results.isFetching ? (
        <p role="status" className="muted">
          {t('clients.searching')}
        </p>
      ) : items.length === 0 ? (
        <p role="status" className="muted">
          {results.term ? t('clients.empty', { term: results.term }) : t('clients.none')}
        </p>
      ) : null}
      {items.length > 0 && (
        <ul aria-label={t('clients.results')} className="plain">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="secondary wide"
                disabled={busy}
                aria-label={t('clients.pick', { name: item.name })}
                onClick={() => onPick(item)}
              >
                {item.name}
                {item.contact.company ? <span className="muted"> · {item.contact.company}</span> : null}
              </button>
            </li>
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
