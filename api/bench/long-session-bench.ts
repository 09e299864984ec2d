import type { AnalysisEvent } from '@sufler/shared';
import { benchEnv } from './bench-env';
import { createApp } from '../src/app';
import { createLogger } from '../src/logger';
import { SessionEntity } from '../src/modules/sessions/session.entity';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc/init';
import { freshPostgres } from '../test/fresh-postgres';
import { report } from './measure';

/** What a live meeting sends: short transcript segments of the client, a few seconds each. */
const SEGMENTS = [
  'Mamy dwoje dzieci, więc bagażnik i isofix są dla nas ważne.',
  'Budżet to mniej więcej dwieście pięćdziesiąt tysięcy złotych.',
  'Teraz jeżdżę Skodą Octavią i chciałbym ją oddać w rozliczeniu.',
  'A jak wygląda zasięg zimą, na przykład w trasie do Zakopanego?',
  'W innym salonie dostałem lepszą ofertę na BMW i4, szczerze mówiąc.',
  'Interesuje mnie przyspieszenie i moc, lubię dynamiczną jazdę.',
  'Muszę to jeszcze przemyśleć z żoną, ona decyduje o takich rzeczach.',
  'Czy leasing na firmę pozwala odliczyć VAT w całości?',
  'Mam dom z fotowoltaiką, myślę o wallboxie w garażu.',
  'Chcielibyśmy się zdecydować do końca kwartału.',
];

/** The points of one session the bench reads the cost at, and how many observations around each. */
const POINTS = [5, 100, 200, 500];
const AROUND = 3;

/**
 * Issue 11: a meeting makes hundreds of transcript observations, and the 500th must cost what the
 * 5th does. One session in rules mode, observed 503 times; the time from sending to `done` is read
 * at observations 5, 100, 200 and 500 (p50/p95 of the 7 observations around each).
 */
export async function benchLongSession(database: 'pglite' | 'postgresql'): Promise<void> {
  const postgres = database === 'postgresql' ? await freshPostgres(process.env.DATABASE_URL!) : undefined;
  const env = benchEnv({}, postgres?.url);
  const app = await createApp(env, createLogger(env), { inMemory: true });
  try {
    console.log(`\n== one long session, rules mode (${database}) ==`);
    const user = await createUser(app.deps.orm.em.fork(), { email: 'bench-long@example.com', role: 'consultant', password: 'bench password 123' });
    const { token } = await app.deps.accessTokens.sign({ userId: user.id, role: 'consultant' });
    const caller = createCallerFactory(appRouter)({ deps: app.deps, accessToken: token });
    const client = await caller.clients.create({ name: 'Klient Spotkanie' });
    const { id: sessionId } = await caller.sessions.start({ clientId: client.id });
    const times: number[] = [];
    const last = Math.max(...POINTS) + AROUND;
    for (let n = 1; n <= last; n++) {
      const start = performance.now();
      for await (const event of (await caller.analysis.observe({ sessionId, kind: 'transcript', text: SEGMENTS[n % SEGMENTS.length]! })) as AsyncIterable<AnalysisEvent>) {
        if (event.type === 'done') times[n] = performance.now() - start;
      }
    }
    for (const point of POINTS) {
      report(`analysis.observe at observation ${point} (rules)`, times.slice(Math.max(1, point - AROUND), point + AROUND + 1));
    }
    const session = await app.deps.orm.em.fork().findOneOrFail(SessionEntity, { id: sessionId }, { populate: ['analysisState'] });
    console.log(`after ${last} observations: analysis state ${JSON.stringify(session.analysisState ?? null).length} characters before encryption, ${session.shownSuggestions.length} shown move ids`);
  } finally {
    await app.close();
    await postgres?.drop();
  }
}
