import { Command, Option } from 'commander';
import { ROLES, type Role } from '@sufler/shared';
import { ZodError } from 'zod';
import { createApp } from '../app';
import { DataDirLockedError } from '../db/data-dir-lock';
import { databaseConfigFrom, migrate, openDatabase } from '../db/orm';
import { EnvError, loadEnv } from '../env';
import { DomainError } from '../errors';
import { createLogger } from '../logger';
import { KnowledgePackError } from '../modules/knowledge/load-pack';
import { createUser } from '../modules/users/user.service';
import { PortInUseError, startServer } from '../server';
import { DEFAULT_WEB_DIR } from '../web-cockpit';
import { runAnalyze } from './analyze-command';
import { runCallsExport, runCallsImport, runCallsShow, runScorecardsList, runScorecardsSave, runScorecardsShow } from './calls-command';
import { runKnowledgeLoad } from './knowledge-command';
import { runLiveReplay, type LiveReplayOptions } from './live-command';
import { readNewPassword } from './read-password';


const program = new Command('sufler').description('Sufler: AI sales co-pilot').showHelpAfterError();

program
  .command('start')
  .description('start the API (and its workers) on PORT')
  .action(async () => {
    const env = loadEnv();
    const logger = createLogger(env);
    const app = await createApp(env, logger);
    const running = await startServer(app, { host: env.HOST, port: env.PORT, webDir: env.SUFLER_WEB_DIR ?? DEFAULT_WEB_DIR }).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    logger.info({ url: running.url, database: app.db.kind }, `Sufler is listening on ${running.url}`);

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      await running.close();
      await app.close();
      logger.info('stopped');
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const env = loadEnv();
    const db = await openDatabase(databaseConfigFrom(env, env.SUFLER_DATA_DIR));
    try {
      const applied = await migrate(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    } finally {
      await db.close();
    }
  });

const user = program.command('user').description('manage users');
user
  .command('add')
  .description('add a user; the password is read from stdin, or prompted for on a terminal')
  .requiredOption('--email <email>', 'login e-mail')
  .addOption(new Option('--role <role>', 'what the user may do').choices(ROLES).makeOptionMandatory())
  .action(async (options: { email: string; role: Role }) => {
    const env = loadEnv();
    const password = await readNewPassword();
    const db = await openDatabase(databaseConfigFrom(env, env.SUFLER_DATA_DIR));
    try {
      await migrate(db);
      const created = await createUser(db.orm.em.fork(), { email: options.email, role: options.role, password });
      console.log(`Created ${created.role} ${created.email} (${created.id}).`);
    } finally {
      await db.close();
    }
  });

program
  .command('analyze')
  .description('analyse a note with the co-pilot (no database needed); text from the arguments or stdin')
  .argument('[text...]', 'the note; read from stdin when absent')
  .option('--json', 'print the analysis as JSON')
  .option('--jsonl', 'read {"id","text"} lines from stdin, print one JSON result per line')
  .action(async (words: string[], options: { json?: boolean; jsonl?: boolean }) => {
    process.exitCode = await runAnalyze(loadEnv(), words, options);
  });

program
  .command('knowledge')
  .description('the knowledge pack')
  .command('load')
  .description('validate the knowledge pack and re-index it')
  .action(() => runKnowledgeLoad(loadEnv()));

const calls = program.command('calls').description('recorded calls: import, show, export (stop the server first on the embedded database)');
calls
  .command('import')
  .description('import recordings (MP3, WAV, OGG/Opus, WebM, M4A) and process them')
  .argument('<files...>', 'audio files')
  .option('--scorecard <key>', 'scorecard to score on', 'SALES')
  .addOption(new Option('--consultant-channel <side>', 'stereo: which channel is the consultant').choices(['left', 'right']))
  .option('--consultant <email>', 'file the calls under this consultant (default: the acting admin)')
  .option('--as <email>', 'act as this user (default: the first admin)')
  .option('--wait', 'process the calls now and wait until they are done')
  .option('--json', 'print the results as JSON')
  .action(async (files: string[], options: Parameters<typeof runCallsImport>[2]) => {
    process.exitCode = await runCallsImport(loadEnv(), files, options);
  });
calls
  .command('show')
  .description('a call: segments with speaker, start, end and text; scores; sentiment')
  .argument('<id>', 'call id')
  .option('--json', 'print as JSON')
  .option('--as <email>', 'act as this user (default: the first admin)')
  .action((id: string, options: { json?: boolean; as?: string }) => runCallsShow(loadEnv(), id, options));
calls
  .command('export')
  .description('one call as PDF (--id), or the filtered list as XLSX')
  .addOption(new Option('--format <format>', 'file format').choices(['pdf', 'xlsx']).makeOptionMandatory())
  .requiredOption('--out <file>', 'where to write it')
  .option('--id <id>', 'the call (PDF)')
  .addOption(new Option('--lang <lang>', 'language of the headings').choices(['pl', 'en']).default('pl'))
  .option('--from <date>', 'recorded on or after (ISO date)')
  .option('--to <date>', 'recorded before (ISO date)')
  .option('--consultant <email>', "only this consultant's calls")
  .option('--scorecard <key>', 'only calls on this scorecard')
  .option('--min-score <n>', 'score at least')
  .option('--max-score <n>', 'score at most')
  .option('--q <text>', 'full-text search in transcripts')
  .option('--as <email>', 'act as this user (default: the first admin)')
  .action((options: Parameters<typeof runCallsExport>[1]) => runCallsExport(loadEnv(), options));

program
  .command('live')
  .description('live meetings')
  .command('replay')
  .description('stream a recording in real time through the live socket the extension uses; print segments, moves and the call id')
  .argument('<file>', 'audio file: stereo (consultant and client channels), or mono (the microphone only)')
  .addOption(new Option('--consultant-channel <side>', 'stereo: which channel is the consultant (the microphone)').choices(['left', 'right']).default('left'))
  .option('--speed <n>', '1 = real time, 2 = twice as fast, 0 = as fast as possible (then no latencies)', '1')
  .option('--server <url>', 'a running API (default: start one in this process on SUFLER_DATA_DIR)')
  .requiredOption('--email <email>', 'log in as this user; the password from SUFLER_PASSWORD or stdin')
  .option('--client <name>', 'name of the client created for the replay (default: "Odtworzenie <file name>")')
  .option('--wait', 'then wait until the call is processed and print its status and score')
  .option('--jsonl', 'print one JSON line per event')
  .action(async (file: string, options: LiveReplayOptions) => {
    process.exitCode = await runLiveReplay(loadEnv(), file, options);
  });

const scorecards = program.command('scorecards').description('scorecard templates of call evaluation');
scorecards.command('list').description("every template's newest version").action(() => runScorecardsList(loadEnv()));
scorecards
  .command('show')
  .description('a template as JSON (edit it, then `scorecards save`)')
  .argument('<key>', 'e.g. SALES')
  .action((key: string) => runScorecardsShow(loadEnv(), key));
scorecards
  .command('save')
  .description("validate a template's JSON and save it as its next version (admins)")
  .argument('<file>', 'JSON as `scorecards show` prints it')
  .option('--as <email>', 'act as this admin (default: the first admin)')
  .action((file: string, options: { as?: string }) => runScorecardsSave(loadEnv(), file, options));

try {
  await program.parseAsync();
} catch (error) {
  if (
    error instanceof EnvError ||
    error instanceof DataDirLockedError ||
    error instanceof DomainError ||
    error instanceof PortInUseError ||
    error instanceof KnowledgePackError
  ) {
    console.error(error.message);
  } else if (error instanceof ZodError) {
    console.error(error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'));
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(error instanceof EnvError ? 2 : 1);
}
