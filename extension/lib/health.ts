import { z } from 'zod';

/** What the side panel needs from the API's `/health`, validated like any other boundary. */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  database: z.object({ ok: z.boolean(), kind: z.string() }),
  model: z.object({
    ok: z.boolean(),
    mode: z.enum(['llm', 'rules']),
    /** The model chain in order of preference (api/src/health.ts): an answer from any but the first is a fallback. */
    chain: z.array(z.object({ model: z.string() })).optional(),
  }),
});
export type Health = z.infer<typeof HealthSchema>;

export const DEFAULT_API_URL = 'http://127.0.0.1:8787';

export async function fetchHealth(apiUrl: string, signal?: AbortSignal): Promise<Health> {
  const response = await fetch(new URL('/health', apiUrl), { signal });
  return HealthSchema.parse(await response.json());
}
