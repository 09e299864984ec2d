import { Migration20261122000000Foundation } from './20261122000000-foundation';
import { Migration20261123000000Brain } from './20261123000000-brain';
import { Migration20261124000000EncryptionAtRest } from './20261124000000-encryption-at-rest';
import { Migration20261201000000ObserveRequestId } from './20261201000000-observe-request-id';
import { Migration20261202000000Calls } from './20261202000000-calls';
import { Migration20261207120000Live } from './20261207120000-live';
import { Migration20261208000000AnalysisState } from './20261208000000-analysis-state';

/** Applied in this order on PostgreSQL and PGlite alike; never edit one that has shipped, add a new one. */
export const migrations = [
  { name: 'Migration20261122000000Foundation', class: Migration20261122000000Foundation },
  { name: 'Migration20261123000000Brain', class: Migration20261123000000Brain },
  { name: 'Migration20261124000000EncryptionAtRest', class: Migration20261124000000EncryptionAtRest },
  { name: 'Migration20261201000000ObserveRequestId', class: Migration20261201000000ObserveRequestId },
  { name: 'Migration20261202000000Calls', class: Migration20261202000000Calls },
  { name: 'Migration20261207120000Live', class: Migration20261207120000Live },
  { name: 'Migration20261208000000AnalysisState', class: Migration20261208000000AnalysisState },
];
