import type { CallStage } from '@sufler/shared';

/**
 * The stage to name in a one-line summary: the failed one, else the running one, else the next pending one;
 * null once every stage is done.
 */
export function currentStage(stages: readonly CallStage[]): CallStage | null {
  return (
    stages.find((stage) => stage.state === 'failed') ??
    stages.find((stage) => stage.state === 'running') ??
    stages.find((stage) => stage.state === 'pending') ??
    null
  );
}

/** The whole call's progress 0…1: each stage weighs the same (their real times differ, but this only moves on). */
export function overallProgress(stages: readonly CallStage[]): number {
  if (stages.length === 0) return 0;
  const sum = stages.reduce((total, stage) => total + (stage.state === 'done' ? 1 : stage.state === 'pending' ? 0 : stage.progress), 0);
  return Math.min(1, sum / stages.length);
}

export const percent = (fraction: number) => Math.round(Math.min(1, Math.max(0, fraction)) * 100);
