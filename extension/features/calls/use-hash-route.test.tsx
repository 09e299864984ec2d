// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useHashRoute } from './use-hash-route';

const CALL = '0192f1d2-7a3b-7c4d-8e5f-0000000000c1';

beforeEach(() => window.history.replaceState(null, '', '/cockpit?x=1'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

test('navigate adds one history entry per new route, none for the route already shown; replace adds none', () => {
  const push = vi.spyOn(window.history, 'pushState');
  const replace = vi.spyOn(window.history, 'replaceState');
  const { result } = renderHook(() => useHashRoute());
  expect(result.current.route).toEqual({ section: 'assistant', callId: null });

  act(() => result.current.navigate({ section: 'calls', callId: CALL }));
  expect(result.current.route).toEqual({ section: 'calls', callId: CALL });
  expect(window.location.hash).toBe(`#/calls/${CALL}`);
  act(() => result.current.navigate({ section: 'calls', callId: CALL }));
  expect(push).toHaveBeenCalledTimes(1);

  act(() => result.current.navigate({ section: 'calls', callId: null }, { replace: true }));
  expect(push).toHaveBeenCalledTimes(1);
  expect(replace).toHaveBeenCalledWith(null, '', '#/calls');

  // Back to the assistant: the page's own address, path and query kept, no hash.
  act(() => result.current.navigate({ section: 'assistant', callId: null }));
  expect(push).toHaveBeenLastCalledWith(null, '', '/cockpit?x=1');
  expect(result.current.route.section).toBe('assistant');
});

test('follows an address changed outside the app (typed, a plain link, back and forward)', () => {
  const { result } = renderHook(() => useHashRoute());
  act(() => {
    window.history.pushState(null, '', '#/dashboard');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  expect(result.current.route).toEqual({ section: 'dashboard', callId: null });
  act(() => {
    window.history.replaceState(null, '', `#/calls/${CALL}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  expect(result.current.route).toEqual({ section: 'calls', callId: CALL });
});
