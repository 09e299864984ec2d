import { lazy, Suspense, type ReactNode } from 'react';
import { useT } from '../../lib/i18n';

/**
 * The call screens load on first visit, in chunks of their own: the side panel's first paint carries only the
 * co-pilot (its initial JavaScript budget is measured by `npm run bench`).
 */
export const CallsScreen = lazy(() => import('./calls-screen').then((m) => ({ default: m.CallsScreen })));
export const CallsDashboard = lazy(() => import('./dashboard').then((m) => ({ default: m.CallsDashboard })));
export const ScorecardScreen = lazy(() => import('./scorecard-screen').then((m) => ({ default: m.ScorecardScreen })));

export function LoadingSection({ children }: { children: ReactNode }) {
  const t = useT();
  return <Suspense fallback={<p role="status">{t('calls.loading')}</p>}>{children}</Suspense>;
}
