import { createBrain } from '../brain';
import { databaseConfigFrom, migrate, openDatabase } from '../db/orm';
import type { Env } from '../env';
import { createLogger } from '../logger';
import { createDatabaseUsageStore } from '../modules/llm/usage-store';

/** `sufler knowledge load`: validates the pack and re-indexes it into the configured index. */
export async function runKnowledgeLoad(env: Env): Promise<void> {
  const logger = createLogger({ LOG_LEVEL: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL }, 'stderr');
  const db = await openDatabase(databaseConfigFrom(env, env.SUFLER_DATA_DIR));
  try {
    await migrate(db);
    const brain = await createBrain(env, { orm: db.orm, logger, usage: createDatabaseUsageStore(db.orm) });
    const result = await brain.knowledge.ensureIndexed({ force: true });
    const { pack } = brain.knowledge;
    console.log(
      `Loaded ${pack.id} ${pack.version}: ${result.entries} passages indexed in ${result.ms} ms ` +
        `(${brain.index} index, ${pack.archetypes.length} archetypes, ${pack.modules.length} modules, ${pack.scoring.rules.length} scoring rules).`,
    );
  } finally {
    await db.close();
  }
}
