import { Migration20261122000000Foundation } from './20261122000000-foundation';

/** Applied in this order on PostgreSQL and PGlite alike; never edit one that has shipped, add a new one. */
export const migrations = [
  { name: 'Migration20261122000000Foundation', class: Migration20261122000000Foundation },
];
