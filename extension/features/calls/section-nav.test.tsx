// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { useLanguageStore } from '../../lib/i18n';
import { SectionSwitch } from './section-nav';
import { useHashRoute } from './use-hash-route';

beforeEach(() => {
  useLanguageStore.getState().setLanguage('pl');
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);

function Counter({ name }: { name: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {name}: {count}
    </button>
  );
}

function App({ admin = false }: { admin?: boolean }) {
  const { route, navigate } = useHashRoute();
  return (
    <SectionSwitch
      current={route.section}
      onNavigate={(section) => navigate({ section, callId: null })}
      sections={{
        assistant: <Counter name="asystent" />,
        calls: <Counter name="rozmowy" />,
        dashboard: <Counter name="pulpit" />,
        // As the app gives it: to admins only.
        scorecards: admin ? <Counter name="karty" /> : undefined,
      }}
    />
  );
}

const link = (name: string) => screen.getByRole('link', { name });
const back = () => act(async () => {
  window.history.back();
  await new Promise((resolve) => setTimeout(resolve, 20));
});

test('the assistant first; a section mounts when opened and keeps its state while another is shown', async () => {
  render(<App />);
  const nav = screen.getByRole('navigation', { name: 'Sekcje' });
  expect(link('Asystent').getAttribute('aria-current')).toBe('page');
  expect(link('Rozmowy').getAttribute('aria-current')).toBeNull();
  expect([...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#/', '#/calls', '#/dashboard']);
  // Not opened yet: not mounted.
  expect(screen.queryByText(/rozmowy:/)).toBeNull();

  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'asystent: 0' }));
  await user.click(link('Rozmowy'));
  expect(window.location.hash).toBe('#/calls');
  expect(link('Rozmowy').getAttribute('aria-current')).toBe('page');
  expect(screen.getByRole('button', { name: 'rozmowy: 0' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: /asystent/ })).toBeNull();

  await user.click(link('Asystent'));
  // The assistant is the page without a hash.
  expect(window.location.hash).toBe('');
  expect(screen.getByRole('button', { name: 'asystent: 1' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: /rozmowy:/ })).toBeNull();
});

test('the back button steps back through the sections; a reload opens the section in the address', async () => {
  render(<App />);
  const user = userEvent.setup();
  await user.click(link('Rozmowy'));
  await user.click(link('Pulpit'));
  expect(screen.getByRole('button', { name: 'pulpit: 0' })).toBeTruthy();
  await back();
  expect(link('Rozmowy').getAttribute('aria-current')).toBe('page');
  expect(screen.getByRole('button', { name: 'rozmowy: 0' })).toBeTruthy();
  await back();
  expect(link('Asystent').getAttribute('aria-current')).toBe('page');

  cleanup();
  window.history.replaceState(null, '', '/#/dashboard');
  render(<App />);
  expect(link('Pulpit').getAttribute('aria-current')).toBe('page');
  expect(screen.getByRole('button', { name: 'pulpit: 0' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: /asystent/ })).toBeNull();
});

test.each([
  [true, ['#/', '#/calls', '#/dashboard', '#/scorecards']],
  [false, ['#/', '#/calls', '#/dashboard']],
])('admin %s: the links %j; without the section, its address shows the assistant', async (admin, links) => {
  window.history.replaceState(null, '', '/#/scorecards');
  render(<App admin={admin} />);
  const nav = screen.getByRole('navigation', { name: 'Sekcje' });
  expect([...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(links);
  if (admin) {
    expect(link('Karty oceny').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'karty: 0' })).toBeTruthy();
  } else {
    expect(screen.queryByRole('link', { name: 'Karty oceny' })).toBeNull();
    expect(link('Asystent').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: 'asystent: 0' })).toBeTruthy();
  }
});
