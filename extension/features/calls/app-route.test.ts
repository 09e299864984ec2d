import { describe, expect, test } from 'vitest';
import { parseRoute, routeHref, type AppRoute } from './app-route';

const CALL = '0192f1d2-7a3b-7c4d-8e5f-0000000000c1';

describe('parseRoute', () => {
  test.each<[string, AppRoute]>([
    ['', { section: 'assistant', callId: null }],
    ['#', { section: 'assistant', callId: null }],
    ['#/', { section: 'assistant', callId: null }],
    ['#/calls', { section: 'calls', callId: null }],
    ['#/calls/', { section: 'calls', callId: null }],
    [`#/calls/${CALL}`, { section: 'calls', callId: CALL }],
    [`#/calls/${CALL.toUpperCase()}`, { section: 'calls', callId: CALL }],
    [`#/calls/${CALL}?from=list`, { section: 'calls', callId: CALL }],
    ['#/dashboard', { section: 'dashboard', callId: null }],
    // Not a call id: the list, rather than a question to the API that can only fail.
    ['#/calls/42', { section: 'calls', callId: null }],
    [`#/calls/${CALL}/edit`, { section: 'assistant', callId: null }],
    [`#/dashboard/${CALL}`, { section: 'assistant', callId: null }],
    ['#/settings', { section: 'assistant', callId: null }],
    ['#/scorecards', { section: 'scorecards', callId: null, scorecardKey: null }],
    ['#/scorecards/SALES', { section: 'scorecards', callId: null, scorecardKey: 'SALES' }],
    ['#/scorecards/test_drive', { section: 'scorecards', callId: null, scorecardKey: 'TEST_DRIVE' }],
    ['#/scorecards/new', { section: 'scorecards', callId: null, scorecardKey: 'new' }],
    // Not a scorecard key: the list.
    ['#/scorecards/S', { section: 'scorecards', callId: null, scorecardKey: null }],
    ['#/scorecards/SALES%20X', { section: 'scorecards', callId: null, scorecardKey: null }],
    ['#/scorecards/SALES/2', { section: 'assistant', callId: null }],
  ])('%j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});

describe('routeHref', () => {
  test.each<[AppRoute, string]>([
    [{ section: 'assistant', callId: null }, '#/'],
    [{ section: 'calls', callId: null }, '#/calls'],
    [{ section: 'calls', callId: CALL }, `#/calls/${CALL}`],
    [{ section: 'dashboard', callId: null }, '#/dashboard'],
    // A call id outside the calls section means nothing.
    [{ section: 'dashboard', callId: CALL }, '#/dashboard'],
    [{ section: 'scorecards', callId: null, scorecardKey: null }, '#/scorecards'],
    [{ section: 'scorecards', callId: null, scorecardKey: 'SALES' }, '#/scorecards/SALES'],
    [{ section: 'scorecards', callId: null, scorecardKey: 'new' }, '#/scorecards/new'],
  ])('%j', (route, href) => {
    expect(routeHref(route)).toBe(href);
    expect(parseRoute(href)).toEqual({ ...route, callId: route.section === 'calls' ? route.callId : null });
  });
});
