import { useEffect, useState } from 'react';

/**
 * Focus for a control that the next render puts in place (a phrase just added, the button of a criterion
 * just moved): `focus(id)` now, and the element with that id gets it once it is there. Keeps the keyboard
 * where the user was when rows come and go.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target.id)?.focus();
  }, [target]);
  // A fresh object each time: the same id asked twice still moves focus twice.
  return (id: string) => setTarget({ id });
}
