import { useEffect, useRef } from 'react';
import { useT } from '../../lib/i18n';
import type { Client } from '../cockpit/cockpit-client';

/**
 * What the last archive or restore did, with "Undo" after an archive. The archived client leaves the list and
 * takes the focused button with it, so the focus moves to "Undo".
 */
export function ArchiveNotice({
  target,
  archived,
  undoing,
  onUndo,
}: {
  target: Client;
  archived: boolean;
  undoing: boolean;
  onUndo: () => void;
}) {
  const t = useT();
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (archived) undo.current?.focus();
  }, [archived, target.id]);
  return (
    <div role="status" className="row notice">
      <p className="ok">{t(archived ? 'clients.archived' : 'clients.restored', { name: target.name })}</p>
      {archived && (
        <button ref={undo} type="button" className="secondary" disabled={undoing} onClick={onUndo}>
          {t('clients.undo')}
        </button>
      )}
    </div>
  );
}
