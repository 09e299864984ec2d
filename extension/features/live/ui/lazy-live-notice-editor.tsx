import { lazy } from 'react';

/** The notice editor loads with the admins' section, in a chunk of its own (not in the panel's first paint). */
export const LiveNoticeEditor = lazy(() => import('./live-notice-editor').then((m) => ({ default: m.LiveNoticeEditor })));
