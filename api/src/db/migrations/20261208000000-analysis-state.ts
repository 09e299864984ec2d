import { Migration } from '@mikro-orm/migrations';

/**
 * Live meetings (issue 11): a session keeps what the analysis needs of its observations so far, folded
 * one observation at a time, so the cost of an observation does not grow with the session. Encrypted
 * (`text`, db/encrypted-type.ts). Sessions from before have none: their first observation folds the
 * stored interactions once (analysis/session-state.ts `buildAnalysisState`).
 */
export class Migration20261208000000AnalysisState extends Migration {
  override up(): void {
    this.addSql(`alter table "client_session" add column "analysis_state" text null;`);
  }
}
