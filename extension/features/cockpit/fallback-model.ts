import type { ProducedBy } from '@sufler/shared';

/**
 * The model that answered when it was not the first of the API's chain (a fallback), else `null`.
 * Rules mode is not a fallback model (the panel says "rules mode" for it); without the chain nothing is known.
 */
export function fallbackModel(producedBy: (ProducedBy | null | undefined)[], chain: { model: string }[] | undefined): string | null {
  const preferred = chain?.[0]?.model;
  if (!preferred) return null;
  const other = producedBy.find((by) => by?.mode === 'llm' && by.model !== null && by.model !== preferred);
  return other?.model ?? null;
}
