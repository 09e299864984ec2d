import { MAX_OBSERVATION_TEXT, type PageText, type PageTextSource, type SiteRule } from '../../lib/messages';
import { hostMatches } from './host-pattern';

/**
 * Reads the client's notes from a page, in order of intent: what the rep selected, else the editor they are
 * typing in, else the elements the first matching site rule points at (the rep's rules come before the
 * built-in CRM ones). With `want: 'selection'` only the selection counts.
 * Pure over the `Document` it is given, so tests pass a fixture.
 */
export function readPageText(
  doc: Document,
  { want, rules, hostname }: { want: 'selection' | 'notes'; rules: readonly SiteRule[]; hostname: string },
): PageText {
  const selection = selectedText(doc);
  if (selection || want === 'selection') return result('selection', selection, 0, hostname);
  const editor = focusedEditorText(doc);
  if (editor) return result('editor', editor, 0, hostname);
  for (const rule of rules) {
    if (!hostMatches(rule.hostPattern, hostname)) continue;
    const texts = matchedTexts(doc, rule.selectors);
    if (texts.length > 0) return result('selectors', texts.join('\n\n'), texts.length, hostname);
  }
  return result('none', '', 0, hostname);
}

function result(source: PageTextSource, raw: string, matched: number, hostname: string): PageText {
  const text = normalize(raw);
  if (!text) return { type: 'sufler/page-text', source: 'none', text: '', matched: 0, hostname, truncated: false };
  const truncated = text.length > MAX_OBSERVATION_TEXT;
  return { type: 'sufler/page-text', source, text: truncated ? text.slice(0, MAX_OBSERVATION_TEXT) : text, matched, hostname, truncated };
}

/** Trailing spaces off each line, at most one blank line in a row, no blank edges. */
function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The focused element, looking into same-origin frames (a CRM's rich-text editor is often an iframe). */
function activeElement(doc: Document): Element | null {
  let element = doc.activeElement;
  while (element?.tagName === 'IFRAME') {
    // null for a cross-origin frame, which stays out of reach.
    const inner = (element as HTMLIFrameElement).contentDocument?.activeElement;
    if (!inner) break;
    element = inner;
  }
  return element;
}

function isTextField(element: Element | null): element is HTMLTextAreaElement | HTMLInputElement {
  if (!element) return false;
  const tag = element.tagName;
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && ['text', 'search', ''].includes((element as HTMLInputElement).type);
}

/** The document's selection; text selected inside a textarea or input is not part of it, so look there too. */
function selectedText(doc: Document): string {
  const element = activeElement(doc);
  if (isTextField(element)) {
    const { selectionStart, selectionEnd, value } = element;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) {
      return value.slice(selectionStart, selectionEnd);
    }
  }
  const owner = element?.ownerDocument ?? doc;
  return owner.getSelection()?.toString() ?? '';
}

function editableRoot(element: Element | null): Element | null {
  return element?.closest('[contenteditable]:not([contenteditable="false"])') ?? null;
}

function focusedEditorText(doc: Document): string {
  const element = activeElement(doc);
  if (isTextField(element)) return element.value;
  const root = editableRoot(element);
  return root ? visibleText(root) : '';
}

function visibleText(element: Element): string {
  const html = element as HTMLElement;
  return (typeof html.innerText === 'string' ? html.innerText : element.textContent) ?? '';
}

/** The text of each matched element, in document order, skipping elements inside one already taken. */
function matchedTexts(doc: Document, selectors: readonly string[]): string[] {
  let taken: Element[] = [];
  for (const selector of selectors) {
    let found: Element[];
    try {
      found = [...doc.querySelectorAll(selector)];
    } catch {
      // A selector this browser cannot parse: the options page refuses them, but defaults and old data skip.
      continue;
    }
    for (const element of found) {
      if (taken.some((other) => other.contains(element))) continue;
      taken = [...taken.filter((other) => !element.contains(other)), element];
    }
  }
  taken.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return taken.map((element) => visibleText(element).trim()).filter(Boolean);
}
