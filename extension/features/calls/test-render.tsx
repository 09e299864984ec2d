import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { CallDetail } from '@sufler/shared';
import { withQueries } from '../cockpit/test-render';
import { CallDetailView } from './call-detail';
import { fakeCallsClient, fakeCallsHttp, scorecards } from './test-fixtures';

type Handlers = Parameters<typeof fakeCallsClient>[0];

/**
 * Opens one call's review against a fake client. `detail` is what `calls.get` answers (a function to change
 * the answer between calls); `handlers` add or replace the other procedures.
 */
export function renderCall(detail: CallDetail | (() => CallDetail), handlers: Handlers = {}, files: Parameters<typeof fakeCallsHttp>[0] = {}) {
  const current = typeof detail === 'function' ? detail : () => detail;
  const fake = fakeCallsClient({
    'calls.get': async () => current(),
    'scorecards.list': async () => scorecards,
    ...handlers,
  });
  const { http, requests } = fakeCallsHttp(files);
  const onBack = vi.fn();
  const view = render(withQueries(<CallDetailView client={fake.client} http={http} callId={current().id} onBack={onBack} />));
  return { ...fake, ...view, requests, onBack };
}
