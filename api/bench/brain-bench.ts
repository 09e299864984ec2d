import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AnalysisEvent, KnowledgePack } from '@sufler/shared';
import { createOfflineEmbedder } from '../src/adapters/embedders/offline-embedder';
import { createMemoryIndex } from '../src/adapters/vector/memory-index';
import { createPgvectorIndex } from '../src/adapters/vector/pgvector-index';
import { benchEnv } from './bench-env';
import { createApp } from '../src/app';
import { openDatabase } from '../src/db/orm';
import { createLogger } from '../src/logger';
import { createKnowledgeBase } from '../src/modules/knowledge/knowledge-base';
import { DEFAULT_PACK_DIR, loadKnowledgePack } from '../src/modules/knowledge/load-pack';
import type { VectorIndex } from '../src/modules/knowledge/ports';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc/init';
import { freshPostgres } from '../test/fresh-postgres';
import { BENCH_LATENCY_MS } from './ollama-double-process';
import { report } from './measure';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

/** Realistic notes, cycled: sessions grow to 10 observations, as a long showroom visit does. */
const NOTES = [
  'Pan Marek z żoną, dwoje dzieci (3 i 7 lat). Pytali o bezpieczeństwo, isofix i bagażnik na wózek. Budżet do 250 tys. zł.',
  'Obecnie jeździ Skodą Octavią z 2016, chce ją oddać w rozliczeniu. Pyta o ratę leasingu na firmę i odliczenie VAT.',
  'Mówi, że za drogo, w innym salonie dostał większy rabat na BMW i4. Zastanowi się i odezwie.',
  'Interesuje go przyspieszenie 0-100 i moc; chciałby się przejechać w weekend, na razie tylko się rozgląda.',
  'Boi się zasięgu zimą i ładowania w trasie do Zakopanego; ma dom z fotowoltaiką, myśli o wallboxie.',
  'Wife decides; they think it is too expensive, maybe next year. Asked about the warranty on the battery.',
  'Pyta o aktualizacje OTA, autopilota i aplikację w telefonie. Bardzo zadowolony z jazdy próbnej.',
  'Firma ma flotę 12 aut, chcą wymienić 3 na elektryczne do końca kwartału; decyzja zarządu.',
];

/** Time from the observation arriving to the first event, and to the 4th next move. */
export async function benchAnalysis(caller: Caller, clientIds: string[], label: string, subtractMs = 0): Promise<void> {
  const first: number[] = [];
  const fourth: number[] = [];
  let sessionId = '';
  for (let i = 0; i < 120; i++) {
    if (i % 10 === 0) sessionId = (await caller.sessions.start({ clientId: clientIds[i % clientIds.length]! })).id;
    const start = performance.now();
    let suggestions = 0;
    for await (const event of (await caller.analysis.observe({ sessionId, text: NOTES[i % NOTES.length]! })) as AsyncIterable<AnalysisEvent>) {
      if (event.type === 'accepted') first.push(performance.now() - start);
      if (event.type === 'suggestion' && ++suggestions === 4) fourth.push(performance.now() - start - subtractMs);
    }
  }
  report(`analysis.observe ${label}: to first event`, first.slice(20));
  report(`analysis.observe ${label}: to 4th suggestion${subtractMs ? ` (−${subtractMs} ms model latency)` : ''}`, fourth.slice(20));
}

/**
 * LLM mode against the Ollama double over real HTTP, in a process of its own so its work does not
 * count as ours. Each model call waits `BENCH_LATENCY_MS` before its first byte, the part a real
 * model would take; the figures subtract it to show our overhead.
 */
export async function benchLlmMode(database: 'pglite' | 'postgresql'): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./ollama-double-process.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the Ollama double exited (${code})`)));
  });
  const postgres = database === 'postgresql' ? await freshPostgres(process.env.DATABASE_URL!) : undefined;
  const env = benchEnv({ OLLAMA_URL: url, OLLAMA_MODELS: 'bench:1' }, postgres?.url);
  const app = await createApp(env, createLogger(env), { inMemory: true });
  try {
    console.log(`\n== LLM mode (${database}, Ollama double over HTTP in another process) ==`);
    const user = await createUser(app.deps.orm.em.fork(), { email: 'bench-llm@example.com', role: 'consultant', password: 'bench password 123' });
    const { token } = await app.deps.accessTokens.sign({ userId: user.id, role: 'consultant' });
    const caller = createCaller({ deps: app.deps, accessToken: token });
    const clients = await Promise.all([1, 2, 3].map((i) => caller.clients.create({ name: `Klient LLM ${i}` })));
    // Two model calls before the 4th move: the qualitative analysis, then the streamed moves.
    await benchAnalysis(caller, clients.map((c) => c.id), 'LLM mode', 2 * BENCH_LATENCY_MS);
  } finally {
    await app.close();
    await postgres?.drop();
    child.kill();
  }
}

/** The real pack with each module's strategies repeated in variants, to about `target` passages. */
function inflatePack(pack: KnowledgePack, target: number): KnowledgePack {
  const base = pack.modules.reduce((n, m) => n + m.strategies.length, 0);
  const copies = Math.ceil(target / base);
  const words = ['klient', 'rodzina', 'leasing', 'zasięg', 'cena', 'serwis', 'bateria', 'firma', 'ładowanie', 'rata', 'dopłata', 'jazda'];
  return {
    ...pack,
    modules: pack.modules.map((m) => ({
      ...m,
      strategies: Array.from({ length: copies }, (_, k) =>
        m.strategies.map((s, j) => ({ ...s, id: `${s.id}-${k}`, text: `${s.text} (${words[(k + j) % words.length]} ${words[(k * 7 + j) % words.length]} ${k})` })),
      ).flat(),
    })),
  };
}

/** Retrieval (embed the query, two vector searches, rank) over about 10,000 passages. */
export async function benchRetrieval(): Promise<void> {
  const pack = inflatePack(await loadKnowledgePack(DEFAULT_PACK_DIR), 10_000);
  const db = await openDatabase({ kind: 'pglite' });
  try {
    const indexes: VectorIndex[] = [createMemoryIndex(), (await createPgvectorIndex(db.orm))!];
    for (const index of indexes) {
      const knowledge = createKnowledgeBase({ pack, embedder: createOfflineEmbedder(), index });
      const loaded = await knowledge.ensureIndexed();
      console.log(`\n== retrieval, ${index.kind}: ${loaded.entries} passages indexed in ${loaded.ms} ms ==`);
      const times: number[] = [];
      for (let i = 0; i < 220; i++) {
        const start = performance.now();
        await knowledge.retrieve({ text: NOTES[i % NOTES.length]!, keywordModules: i % 2 ? ['family', 'financing'] : [], leadingArchetypes: ['family_guardian'] });
        times.push(performance.now() - start);
      }
      report(`knowledge retrieve (${index.kind}, ${loaded.entries} passages)`, times.slice(20));
    }
  } finally {
    await db.close();
  }
}
