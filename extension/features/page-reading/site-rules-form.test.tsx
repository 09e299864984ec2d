// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import type { SiteRule } from '../../lib/messages';
import { SiteRulesForm } from './site-rules-form';

beforeEach(() => useLanguageStore.getState().setLanguage('en'));
afterEach(cleanup);

function setup(initial: SiteRule[] = [], granted = true) {
  const saved: SiteRule[][] = [];
  const asked: string[][] = [];
  render(
    <SiteRulesForm
      initial={initial}
      save={async (rules) => saved.push(rules)}
      requestOrigins={async (origins) => {
        asked.push(origins);
        return granted;
      }}
    />,
  );
  return { saved, asked, person: userEvent.setup() };
}
const frame = () => act(() => new Promise((resolve) => requestAnimationFrame(resolve)));

describe('SiteRulesForm', () => {
  test('adds a site, refuses a broken selector with a clear message, then saves and asks for that host', async () => {
    const { saved, asked, person } = setup();
    expect(screen.getByText('No rules of your own: only the built-in ones apply.')).toBeTruthy();
    await person.click(screen.getByRole('button', { name: 'Add a site' }));
    await frame();
    const host = screen.getByLabelText('Site 1 hostname');
    expect(document.activeElement).toBe(host);
    await person.type(host, 'crm.example.com');
    const selectors = screen.getByLabelText('Site 1 CSS selectors');
    await person.type(selectors, '.client-notes{Enter}div >');
    await person.click(screen.getByRole('button', { name: 'Save sites' }));
    await frame();

    expect(saved).toEqual([]);
    expect(selectors.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not a valid CSS selector: div >')).toBeTruthy();
    expect(document.activeElement).toBe(selectors);
    expect(host.getAttribute('aria-invalid')).toBe('false');

    await person.clear(selectors);
    await person.type(selectors, '.client-notes{Enter}  .history .entry ');
    await person.click(screen.getByRole('button', { name: 'Save sites' }));

    expect(saved).toEqual([[{ hostPattern: 'crm.example.com', selectors: ['.client-notes', '.history .entry'] }]]);
    expect(asked).toEqual([['https://crm.example.com/*', 'http://crm.example.com/*']]);
    expect(screen.getByRole('status').textContent).toBe('Sites saved');
    expect(selectors.getAttribute('aria-invalid')).toBe('false');
  });

  test('a URL is not a hostname', async () => {
    const { saved, person } = setup([{ hostPattern: 'crm.example.com', selectors: ['.n'] }]);
    const host = screen.getByLabelText('Site 1 hostname');
    await person.clear(host);
    await person.type(host, 'https://crm.example.com/deals');
    await person.click(screen.getByRole('button', { name: 'Save sites' }));
    expect(saved).toEqual([]);
    expect(screen.getByText('Enter a hostname such as crm.example.com or *.example.com (without https://).')).toBeTruthy();
    expect(host.getAttribute('aria-describedby')).toBeTruthy();
  });

  test('access refused: the rules are kept and the rep is told what that means', async () => {
    const { saved, person } = setup([{ hostPattern: '*.example.com', selectors: ['.n'] }], false);
    await person.click(screen.getByRole('button', { name: 'Save sites' }));
    expect(saved).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe(
      'Saved, but the browser did not grant access to *.example.com. On those sites, click the Sufler toolbar icon first.',
    );
  });

  test('removing the last site saves no rules and asks for nothing; blank rows are ignored', async () => {
    const { saved, asked, person } = setup([{ hostPattern: 'crm.example.com', selectors: ['.n'] }]);
    await person.click(screen.getByRole('button', { name: 'Remove site 1' }));
    await person.click(screen.getByRole('button', { name: 'Add a site' }));
    await person.click(screen.getByRole('button', { name: 'Save sites' }));
    expect(saved).toEqual([[]]);
    expect(asked).toEqual([]);
  });

  test('lists the built-in CRM rules', () => {
    setup();
    expect(screen.getByText('Built-in CRM rules')).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'app.hubspot.com' })).toBeTruthy();
  });

  test('Polish', () => {
    useLanguageStore.getState().setLanguage('pl');
    setup([{ hostPattern: 'crm.example.com', selectors: ['.n'] }]);
    expect(screen.getByLabelText('Host strony 1')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zapisz strony' })).toBeTruthy();
  });
});
