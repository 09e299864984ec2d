import type { SiteRule } from '../../lib/messages';

/**
 * Where the common CRMs show a client's notes, tried after the rep's own rules (options page).
 * Best-effort selectors for each CRM's current web UI: vendors change their markup, which is why the rep
 * can override them per site. The table in README.md explains each one.
 */
export const DEFAULT_SITE_RULES: readonly SiteRule[] = [
  {
    // Salesforce Lightning Experience: rich-text fields (Description, notes) and expanded activity timeline items.
    hostPattern: '*.lightning.force.com',
    selectors: [
      'records-record-layout-item[field-label="Description"] lightning-formatted-text',
      'lightning-formatted-rich-text.slds-rich-text-editor__output',
      '.slds-timeline__item_expandable .slds-rich-text-editor__output',
    ],
  },
  {
    // HubSpot: note cards on the record timeline.
    hostPattern: 'app.hubspot.com',
    selectors: ['[data-test-id="timeline-card-note"] [data-test-id="timeline-card-body"]', '.timeline-note-body'],
  },
  {
    // Pipedrive: notes in the deal / person history feed and the pinned notes.
    hostPattern: '*.pipedrive.com',
    selectors: ['[data-testid="flow-item-note"] [data-testid="note-content"]', '.flowItem--note .note-content', '.pinnedNote .note-content'],
  },
  {
    // Zoho CRM: the Notes related list of a record.
    hostPattern: 'crm.zoho.com',
    selectors: ['[data-zcqa="notesContent"]', '.notesContainer .noteContent'],
  },
  { hostPattern: 'crm.zoho.eu', selectors: ['[data-zcqa="notesContent"]', '.notesContainer .noteContent'] },
];
