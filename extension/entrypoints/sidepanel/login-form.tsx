import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { AuthStore } from '../../lib/auth-store';
import { useT } from '../../lib/i18n';

/**
 * E-mail and password against the API's auth; Enter in either field submits (it is a real form).
 * `web`: the web cockpit, whose API is the server that served the page (no address to check in the options).
 */
export function LoginForm({ store, web = false }: { store: AuthStore; web?: boolean }) {
  const t = useT();
  const id = useId();
  const status = useStore(store, (state) => state.status);
  const error = useStore(store, (state) => state.error);
  const retryAfterSeconds = useStore(store, (state) => state.retryAfterSeconds);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const busy = status === 'logging-in';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.getState().login({ email, password });
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-heading`} aria-busy={busy} noValidate>
      <h2 id={`${id}-heading`}>{t('login.heading')}</h2>
      <label htmlFor={`${id}-email`}>{t('login.email')}</label>
      <input
        id={`${id}-email`}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-password`}>{t('login.password')}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error === 'throttled' && retryAfterSeconds
            ? t('login.error.throttled-wait', { minutes: String(Math.ceil(retryAfterSeconds / 60)) })
            : t(web && error === 'unreachable' ? 'login.error.unreachable-web' : `login.error.${error}`)}
        </p>
      )}
      <button type="submit" disabled={busy || !email || !password}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
