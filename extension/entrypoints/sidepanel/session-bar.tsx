import { useStore } from 'zustand';
import type { AuthStore } from '../../lib/auth-store';
import { useT } from '../../lib/i18n';

/** Who is signed in, and the way out. */
export function SessionBar({ store }: { store: AuthStore }) {
  const t = useT();
  const user = useStore(store, (state) => state.user);
  return (
    <div className="row session-bar">
      <p className="muted">{t('session.signedInAs', { email: user?.email ?? '…' })}</p>
      <button type="button" className="secondary" onClick={() => void store.getState().logout()}>
        {t('session.logout')}
      </button>
    </div>
  );
}
