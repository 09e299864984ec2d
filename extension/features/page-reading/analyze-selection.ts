import { MAX_OBSERVATION_TEXT, PendingSelectionSchema, type PendingSelection, type SelectionPendingMessage } from '../../lib/messages';
import { pendingArea, type PageReadingBrowser, type TabLike } from './page-reading-browser';
import { PENDING_SELECTION_KEY } from './pending-selection';
import { requestPageText } from './request-page-text';

/** The context menu item's id, and the manifest command that does the same from the keyboard. */
export const ANALYZE_SELECTION_MENU_ID = 'sufler-analyze-selection';
export const ANALYZE_SELECTION_COMMAND = 'analyze-selection';

/** What the context menu passes (Chrome and Firefox `OnClickData`); the shortcut passes nothing. */
export interface SelectionInfo {
  menuItemId?: string | number;
  selectionText?: string;
}

export type AnalyzeSelectionResult =
  | { status: 'pending'; selection: PendingSelection; panelOpened: boolean }
  | { status: 'empty'; panelOpened: boolean };

/**
 * Opens the side panel (Chrome) or sidebar (Firefox). Must be called before the handler awaits anything:
 * both browsers allow it only inside the user's gesture. Without a gesture (an e2e test calling the handler)
 * it fails, and the selection still waits in storage for the panel.
 */
export function openPanel(api: PageReadingBrowser, tab: TabLike | undefined): Promise<boolean> {
  try {
    let opening: Promise<void> | undefined;
    if (api.sidePanel && tab?.id !== undefined) opening = api.sidePanel.open({ tabId: tab.id });
    else if (api.sidePanel && tab?.windowId !== undefined) opening = api.sidePanel.open({ windowId: tab.windowId });
    else if (api.sidebarAction) opening = api.sidebarAction.open();
    return opening ? opening.then(() => true, () => false) : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * "Analyze selection" from the context menu or the keyboard shortcut: opens the panel, takes the selected
 * text (from the menu's click data, else read from the tab, which the gesture's activeTab grant allows),
 * stores it as the pending selection and tells an open panel. The panel sends it to its session.
 */
export function createAnalyzeSelection({
  api,
  now,
  newId,
}: {
  api: PageReadingBrowser;
  now: () => number;
  newId: () => string;
}) {
  return async function analyzeSelection(info: SelectionInfo = {}, tab?: TabLike): Promise<AnalyzeSelectionResult> {
    const origin = info.menuItemId === ANALYZE_SELECTION_MENU_ID ? 'context-menu' : 'shortcut';
    const opened = openPanel(api, tab);
    let text = info.selectionText?.trim() ?? '';
    if (!text && tab?.id !== undefined) {
      text = await requestPageText(api, tab.id, { type: 'sufler/read-page', want: 'selection', rules: [] }).then(
        (read) => read.text,
        () => '',
      );
    }
    if (!text) return { status: 'empty', panelOpened: await opened };
    const selection = PendingSelectionSchema.parse({
      id: newId(),
      text: text.slice(0, MAX_OBSERVATION_TEXT),
      origin,
      pageTitle: tab?.title?.slice(0, 500) || undefined,
      at: now(),
    });
    await pendingArea(api).set({ [PENDING_SELECTION_KEY]: selection });
    const message: SelectionPendingMessage = { type: 'sufler/selection-pending', selection };
    // No panel open: nobody receives it, and the panel reads storage when it opens.
    await api.runtime.sendMessage(message).catch(() => undefined);
    return { status: 'pending', selection, panelOpened: await opened };
  };
}
