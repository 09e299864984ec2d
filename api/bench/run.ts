/**
 * `npm run bench`: measured figures, printed, never asserted. Runs on embedded PGlite in memory
 * (and on PostgreSQL too when DATABASE_URL is set).
 */
import { benchEnv } from './bench-env';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc/init';
import { freshPostgres } from '../test/fresh-postgres';
import { benchAnalysis, benchLlmMode, benchRetrieval } from './brain-bench';
import { benchCalls } from './calls-bench';
import { benchLongSession } from './long-session-bench';
import { benchLive } from './live-bench';
import { measure } from './measure';
import { benchPanel } from './panel-bench';

const FIRST = ['Anna', 'Piotr', 'Łukasz', 'Małgorzata', 'Krzysztof', 'Agnieszka', 'Tomasz', 'Ewa', 'Michał', 'Zofia'];
const LAST = ['Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik', 'Kamiński', 'Lewandowska', 'Zieliński', 'Szymańska'];
const DATABASES = ['pglite', ...(process.env.DATABASE_URL ? (['postgresql'] as const) : [])] as const;

// `npm run bench -- long-session`: that section alone (issue 11: observe cost over a long session).
if (process.argv.includes('long-session')) {
  for (const database of DATABASES) await benchLongSession(database);
  process.exit(0);
}
// `npm run bench -- live`: that section alone (issue 11: live replay latency and concurrent sessions).
if (process.argv.includes('live')) {
  await benchLive();
  process.exit(0);
}

for (const database of ['pglite', ...(process.env.DATABASE_URL ? ['postgresql'] : [])]) {
  // PostgreSQL: a throwaway database on the server at DATABASE_URL, dropped at the end.
  const postgres = database === 'postgresql' ? await freshPostgres(process.env.DATABASE_URL!) : undefined;
  const env = benchEnv({}, postgres?.url);
  const app = await createApp(env, createLogger(env), { inMemory: true });
  const suffix = Date.now().toString(36);
  const user = await createUser(app.deps.orm.em.fork(), { email: `bench-${suffix}@example.com`, role: 'consultant', password: 'bench password 123' });
  const { token } = await app.deps.accessTokens.sign({ userId: user.id, role: 'consultant' });
  const caller = createCallerFactory(appRouter)({ deps: app.deps, accessToken: token });
  const anonymous = createCallerFactory(appRouter)({ deps: app.deps, accessToken: null });

  console.log(`\n== ${database} ==`);
  const CLIENTS = 2000;
  const t0 = performance.now();
  for (let i = 0; i < CLIENTS; i++) {
    await caller.clients.create({ name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`, contact: { phone: `+48 600 ${String(i).padStart(6, '0')}` } });
  }
  console.log(`created ${CLIENTS} clients one by one: ${((performance.now() - t0) / CLIENTS).toFixed(2)} ms per create`);

  await measure('clients.list (first page of 2000)', 200, () => caller.clients.list({}));
  await measure('clients.list search "wisniewsk" (folded)', 200, () => caller.clients.list({ search: 'wisniewsk' }));
  const ids = (await caller.clients.list({ limit: 100 })).items.map((c) => c.id);
  await measure('clients.get', 200, (i) => caller.clients.get({ id: ids[i % ids.length]! }));
  await measure('auth.login (argon2id verify)', 20, () => anonymous.auth.login({ email: `bench-${suffix}@example.com`, password: 'bench password 123' }));
  await benchAnalysis(caller, ids, 'rules mode');
  await app.close();
  await postgres?.drop();
}

for (const database of DATABASES) await benchLlmMode(database);
for (const database of DATABASES) await benchLongSession(database);
await benchRetrieval();
await benchCalls();
await benchPanel();
await benchLive();
