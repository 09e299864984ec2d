import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, sufler } from './sufler-cli';

test('user add reads the password from stdin, and refuses bad input clearly', () => {
  const env = { SUFLER_DATA_DIR: mkdtempSync(join(tmpdir(), 'sufler-cli-')) };
  const ok = sufler(['user', 'add', '--email', 'Admin@Salon.pl', '--role', 'admin'], env, 'correct horse battery\n');
  expect(ok.err).toBe('');
  expect(ok.out).toMatch(/^Created admin admin@salon\.pl \(/);
  expect(ok.code).toBe(0);

  const again = sufler(['user', 'add', '--email', 'admin@salon.pl', '--role', 'manager'], env, 'correct horse battery\n');
  expect(again).toMatchObject({ code: 1, err: 'A user with e-mail admin@salon.pl already exists\n' });

  const short = sufler(['user', 'add', '--email', 'x@salon.pl', '--role', 'manager'], env, 'short\n');
  expect(short.code).toBe(1);
  expect(short.err).toContain('at least 12 characters');

  const role = sufler(['user', 'add', '--email', 'x@salon.pl', '--role', 'boss'], env, 'correct horse battery\n');
  expect(role.code).not.toBe(0);
  expect(role.err).toContain('Allowed choices are consultant, manager, admin');

  expect(sufler(['migrate'], env)).toMatchObject({ code: 0, out: 'Database is up to date.\n' });
  expect(sufler(['migrate'], { ...env, PORT: 'eighty' })).toMatchObject({ code: 2 });
  expect(sufler(['migrate'], { ...env, PORT: 'eighty' }).err).toContain('PORT');
  // Seven CLI processes, each starting Node and opening the database: well past the default on a busy 2-core machine.
}, 180_000);

test('start serves /health on the embedded default and shuts down cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sufler-start-'));
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, DATABASE_URL: '', SUFLER_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', OLLAMA_URL: 'http://127.0.0.1:9' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 45 s:\n${log}`)), 45_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[^"\s]+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
  });
  expect(log).toContain('No users yet. To create the first admin, stop Sufler (Ctrl-C), then run:  npx sufler user add');
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ database: { ok: true, kind: 'pglite' } });

  const exitCode = await new Promise<number | null>((done) => {
    child.on('exit', (code) => done(code));
    child.kill('SIGTERM');
  });
  expect(exitCode).toBe(0);
  expect(log).toContain('"msg":"stopped"');
}, 60_000);

test('start on a port already taken says so, and releases the data directory', async () => {
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  const port = String((blocker.address() as { port: number }).port);
  const env = { SUFLER_DATA_DIR: mkdtempSync(join(tmpdir(), 'sufler-port-')), PORT: port, OLLAMA_URL: 'http://127.0.0.1:9' };
  const result = sufler(['start'], env);
  blocker.close();
  expect(result.code).toBe(1);
  expect(result.err).toContain(`Port ${port} on 127.0.0.1 is already in use`);
  expect(sufler(['migrate'], env)).toMatchObject({ code: 0 }); // the lock was released
});

describe('sufler analyze', () => {
  // No database anywhere: DATABASE_URL empty and a data directory that must stay untouched.
  const dataDir = mkdtempSync(join(tmpdir(), 'sufler-analyze-'));
  const env = { SUFLER_DATA_DIR: join(dataDir, 'never-created'), SUFLER_LLM: 'off' };

  test('--json prints the analysis of the argument, with all 10 archetypes sorted and 4 suggestions', () => {
    const run = sufler(['analyze', '--json', 'Klient ma dwoje dzieci, pyta o isofix i bezpieczeństwo. Budżet 200 tys. zł.'], env);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as Record<string, unknown> & { archetypes: { id: string; probability: number }[] };
    expect(result).toMatchObject({ mode: 'rules', model: null, language: 'pl', modules: expect.arrayContaining(['family']) });
    expect(result.archetypes).toHaveLength(10);
    expect(result.archetypes[0]!.id).toBe('family_guardian');
    const probabilities = result.archetypes.map((a) => a.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(Object.keys(result.scores as object).sort()).toEqual(['funDriveRisk', 'lossRisk', 'potential', 'readiness']);
    expect(result.suggestions).toHaveLength(4);
    expect(existsSync(env.SUFLER_DATA_DIR)).toBe(false);
  });

  test('--jsonl answers each line in order, and a bad line with an error (exit 1) without stopping', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'Wife decides; they think it is too expensive, maybe next year.' }),
      '{not json',
      JSON.stringify({ id: 'c', text: '' }),
      JSON.stringify({ id: 7, text: 'Firma, leasing operacyjny, 3 auta do floty, odliczenie VAT.' }),
    ];
    const run = sufler(['analyze', '--jsonl'], env, `${lines.join('\n')}\n`);
    expect(run.code).toBe(1);
    const out = run.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', '7']);
    expect(out[0]).toMatchObject({ mode: 'rules', language: 'en' });
    expect(out[1]!.error).toBeTruthy();
    expect(out[2]!.error).toMatch(/text/);
    expect(out[3]).toMatchObject({ language: 'pl', modules: expect.arrayContaining(['company_fleet']) });
    for (const o of [out[0]!, out[3]!]) {
      expect(o.archetypes).toHaveLength(10);
      expect(o.suggestions).toHaveLength(4);
    }
  });

  test('reads the text from stdin and prints a readable report', () => {
    const run = sufler(['analyze'], env, 'Chce się tylko przejechać w weekend, nie planuje zakupu.\n');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Tryb: rules/);
    expect(run.out).toMatch(/Następne ruchy:\n {2}1\. \[/);
    expect(sufler(['analyze'], env, '   \n')).toMatchObject({ code: 1 });
  });
});

test('knowledge load validates and re-indexes the pack; a broken pack is refused naming the file', () => {
  const env = { SUFLER_DATA_DIR: mkdtempSync(join(tmpdir(), 'sufler-knowledge-')) };
  const ok = sufler(['knowledge', 'load'], env);
  expect(ok.code).toBe(0);
  expect(ok.out).toMatch(/^Loaded ev-dealership-pl [\d.]+: \d+ passages indexed in \d+ ms \(pgvector index, 10 archetypes, 12 modules, \d+ scoring rules\)\.\n$/);

  const broken = mkdtempSync(join(tmpdir(), 'sufler-pack-'));
  cpSync(resolve(import.meta.dirname, '../knowledge/ev-dealership-pl'), broken, { recursive: true });
  writeFileSync(join(broken, 'archetypes', 'family_guardian.yaml'), 'id: family_guardian\nname: [unclosed\n');
  const bad = sufler(['knowledge', 'load'], { ...env, SUFLER_KNOWLEDGE_DIR: broken });
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('archetypes/family_guardian.yaml');
  expect(bad.err).not.toMatch(/\n\s+at /); // a message, not a stack trace
});
