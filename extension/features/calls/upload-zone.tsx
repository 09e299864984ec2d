import { useId, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import type { Scorecard } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import type { CallsClient } from './calls-client';
import type { CallsUser } from './calls-screen';
import { UploadItemRow } from './upload-item';
import { uploadFields } from './upload-choice';
import { UploadOptions } from './upload-options';
import type { UploadStore } from './upload-store';

/**
 * What the file picker offers. The API checks the type by content (a renamed text file is refused there);
 * this only keeps other files out of the picker. Extensions too: some systems give M4A or Opus no MIME type.
 */
export const ACCEPTED_AUDIO = 'audio/*,.mp3,.wav,.ogg,.opus,.oga,.webm,.m4a,.mp4,.aac,.flac';

/**
 * Drop or pick several recordings at once; each gets its own progress bar, result or error and a cancel
 * button. The options (scorecard, channel, consultant, client, title) apply to the files sent next.
 */
export function UploadZone({
  client,
  user,
  store,
  scorecards,
  onOpen,
}: {
  client: CallsClient;
  user: CallsUser;
  store: UploadStore;
  scorecards: readonly Scorecard[];
  onOpen: (callId: string) => void;
}) {
  const t = useT();
  const id = useId();
  const items = useStore(store, (state) => state.items);
  // Kept in the store, not here: the choice is still there after a look at a call.
  const choice = useStore(store, (state) => state.choice);
  const [dragging, setDragging] = useState(false);

  const send = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    store.getState().add([...files], uploadFields(choice, user));
    // A title names these recordings, not the next ones; the rest (scorecard, consultant, client) stays.
    if (choice.title) store.getState().setChoice({ ...choice, title: '' });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="stack upload">
      <h3 id={`${id}-heading`}>{t('calls.upload.heading')}</h3>
      <UploadOptions client={client} user={user} scorecards={scorecards} value={choice} onChange={(next) => store.getState().setChoice(next)} />
      <div
        className="drop-zone"
        data-dragging={dragging}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPTED_AUDIO}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            send(event.target.files);
            // The same file can be picked again (after a cancel, say).
            event.target.value = '';
          }}
        />
        <label htmlFor={`${id}-file`} className="button-like">
          {t('calls.upload.pick')}
        </label>
        <p id={`${id}-hint`} className="muted">
          {t('calls.upload.hint')}
        </p>
      </div>
      {items.length > 0 && (
        <ul aria-label={t('calls.upload.files')} className="plain stack">
          {items.map((item) => (
            <UploadItemRow
              key={item.id}
              item={item}
              onCancel={() => store.getState().cancel(item.id)}
              onDismiss={() => store.getState().dismiss(item.id)}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
