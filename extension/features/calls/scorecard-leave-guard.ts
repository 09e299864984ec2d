import { useEffect } from 'react';
import { parseRoute, routeHref, sameRoute, type AppRoute } from './app-route';
import type { RouteWindow } from './use-hash-route';

/** What leaving the form at `here` would lose: the question to ask, and how to drop it once the user agrees. */
export interface HeldChanges {
  here: AppRoute;
  message: string;
  discard: () => void;
}

/**
 * The app's one question before unsaved work is left (the scorecard form's). The app asks it before each
 * move of its own (`confirmLeave`); `listen` asks it when the browser moves (back, forward, an address
 * typed) and when the tab is closed or reloaded. The form holds its changes here while it has any.
 */
export interface LeaveGuard {
  hold(changes: HeldChanges | null): void;
  /** True when nothing is held or the user agrees to drop it (it is dropped then); false: stay. */
  confirmLeave(): boolean;
  /** Listens on `win`; returns the way to stop. */
  listen(win: GuardWindow): () => void;
}

export type GuardWindow = RouteWindow;

export function createLeaveGuard(ask: (message: string) => boolean = (message) => window.confirm(message)): LeaveGuard {
  let held: HeldChanges | null = null;
  const confirmLeave = () => {
    if (!held) return true;
    if (!ask(held.message)) return false;
    const { discard } = held;
    held = null;
    discard();
    return true;
  };
  return {
    hold: (changes) => void (held = changes),
    confirmLeave,
    listen(win) {
      // The address has moved already: staying puts the form's back before the route hook reads it.
      const onMove = () => {
        if (!held || sameRoute(parseRoute(win.location.hash), held.here)) return;
        const here = held.here;
        if (!confirmLeave()) win.history.pushState(null, '', routeHref(here));
      };
      // The browser asks in its own words (it shows no text of ours).
      const onUnload = (event: BeforeUnloadEvent) => {
        if (!held) return;
        event.preventDefault();
        // Older browsers ask only when returnValue is set.
        event.returnValue = '';
      };
      win.addEventListener('popstate', onMove);
      win.addEventListener('hashchange', onMove);
      win.addEventListener('beforeunload', onUnload);
      return () => {
        win.removeEventListener('popstate', onMove);
        win.removeEventListener('hashchange', onMove);
        win.removeEventListener('beforeunload', onUnload);
      };
    },
  };
}

/**
 * Starts the guard listening. Call it before `useHashRoute` in the same component: effects run in order,
 * so the guard hears back and forward before the route hook does (a route hook that heard first would
 * already have re-rendered, unmounting the form, by the time the question came).
 */
export function useLeaveGuardListening(guard: LeaveGuard, win: GuardWindow = window): void {
  useEffect(() => guard.listen(win), [guard, win]);
}

/** The form's side: `changes` (null: none) held in the guard while the form shows them. */
export function useLeaveGuard(guard: LeaveGuard, changes: HeldChanges | null): void {
  useEffect(() => {
    if (!changes) return;
    guard.hold(changes);
    return () => guard.hold(null);
  }, [guard, changes]);
}
