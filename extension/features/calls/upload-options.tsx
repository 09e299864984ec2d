import { useId, useState } from 'react';
import { TEAM_ROLES, type ConsultantChannel, type Scorecard } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import type { CallsClient, ClientOption } from './calls-client';
import type { CallsUser } from './calls-screen';
import type { UploadChoice } from './upload-choice';
import { useClientOptions, useUsers } from './use-calls-data';

/**
 * The upload's options: scorecard, the consultant's channel (stereo), whose call it is (managers and admins
 * choose from the active users; a consultant's uploads are their own), the client (searched, optional) and
 * a title (the file's name when empty).
 */
export function UploadOptions({
  client,
  user,
  scorecards,
  value,
  onChange,
}: {
  client: CallsClient;
  user: CallsUser;
  scorecards: readonly Scorecard[];
  value: UploadChoice;
  onChange: (value: UploadChoice) => void;
}) {
  const t = useT();
  const id = useId();
  const team = TEAM_ROLES.includes(user.role);
  const users = useUsers(client, team);
  const set = <K extends keyof UploadChoice>(key: K, next: UploadChoice[K]) => onChange({ ...value, [key]: next });
  // Until the list arrives (or if it cannot), the uploader is the one choice: the default is never blank.
  const people = users.data?.some((option) => option.id === user.id) ? users.data : [user, ...(users.data ?? [])];

  return (
    <fieldset className="upload-options">
      <legend>{t('calls.upload.options')}</legend>
      <div className="filter-grid">
        <div className="stack field">
          <label htmlFor={`${id}-scorecard`}>{t('calls.upload.scorecard')}</label>
          <select id={`${id}-scorecard`} value={value.scorecardKey} onChange={(event) => set('scorecardKey', event.target.value)}>
            <option value="">{t('calls.upload.scorecardDefault')}</option>
            {scorecards.map((scorecard) => (
              <option key={scorecard.key} value={scorecard.key}>
                {scorecard.name}
              </option>
            ))}
          </select>
        </div>
        <div className="stack field">
          <label htmlFor={`${id}-channel`}>{t('calls.upload.channel')}</label>
          <select
            id={`${id}-channel`}
            value={value.consultantChannel}
            onChange={(event) => set('consultantChannel', event.target.value as ConsultantChannel)}
          >
            <option value="left">{t('calls.channel.left')}</option>
            <option value="right">{t('calls.channel.right')}</option>
          </select>
        </div>
        {team && (
          <div className="stack field">
            <label htmlFor={`${id}-consultant`}>{t('calls.upload.consultant')}</label>
            <select id={`${id}-consultant`} value={value.consultantId || user.id} onChange={(event) => set('consultantId', event.target.value)}>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.id === user.id ? t('calls.upload.you', { email: person.email }) : person.email}
                </option>
              ))}
            </select>
            {users.isError && <p className="error hint">{t('calls.upload.usersError')}</p>}
          </div>
        )}
      </div>
      <ClientPicker client={client} value={value.client} onChange={(next) => set('client', next)} />
      <div className="stack field">
        <label htmlFor={`${id}-title`}>{t('calls.upload.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${id}-title-hint`}
          value={value.title}
          onChange={(event) => set('title', event.target.value)}
        />
        <p id={`${id}-title-hint`} className="muted hint">
          {t('calls.upload.titleHint')}
        </p>
      </div>
    </fieldset>
  );
}

/**
 * A client for the upload, optional: type to search, then pick from the matches. Two plain fields rather than
 * a custom combobox, so every browser and screen reader handles them. The chosen client stays a choice while
 * another search is typed.
 */
function ClientPicker({ client, value, onChange }: { client: CallsClient; value: ClientOption | null; onChange: (value: ClientOption | null) => void }) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const options = useClientOptions(client, search);
  const found = options.data ?? [];
  const choices = value && !found.some((option) => option.id === value.id) ? [value, ...found] : found;

  return (
    <div className="stack client-picker">
      <div className="filter-grid">
        <div className="stack field">
          <label htmlFor={`${id}-search`}>{t('calls.upload.clientSearch')}</label>
          <input
            id={`${id}-search`}
            type="search"
            autoComplete="off"
            maxLength={200}
            aria-describedby={`${id}-hint`}
            aria-controls={`${id}-client`}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="stack field">
          <label htmlFor={`${id}-client`}>{t('calls.upload.client')}</label>
          <select
            id={`${id}-client`}
            value={value?.id ?? ''}
            aria-busy={options.isFetching}
            onChange={(event) => onChange(choices.find((option) => option.id === event.target.value) ?? null)}
          >
            <option value="">{t('calls.upload.noClient')}</option>
            {choices.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-hint`} className="muted hint">
        {t('calls.upload.clientHint')}{' '}
        <span aria-live="polite" className={options.isError ? 'error' : undefined}>
          {options.isError ? t('calls.upload.clientsError') : options.isSuccess ? t('calls.upload.clientMatches', { count: String(found.length) }) : ''}
        </span>
      </p>
    </div>
  );
}
