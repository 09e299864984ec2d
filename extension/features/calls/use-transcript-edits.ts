import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallDetail, Speaker } from '@sufler/shared';
import { trpcErrorCode, type CallsClient } from './calls-client';
import { callsKeys } from './use-calls-data';

export type TranscriptEdit =
  | { kind: 'update'; segmentId: string; text?: string; speaker?: Speaker }
  | { kind: 'merge'; segmentId: string }
  | { kind: 'split'; segmentId: string; atChar: number; atMs: number };

/**
 * Transcript edits, each made on the version on screen. The answer is the call as it is now and replaces the
 * cached one. A CONFLICT means someone else edited first: the call is fetched again and `conflict` is set,
 * so the screen can say so (the reviewer's draft is kept by the segment's editor).
 */
export function useTranscriptEdits(client: CallsClient, call: Pick<CallDetail, 'id' | 'transcriptVersion'>) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (edit: TranscriptEdit): Promise<CallDetail> => {
      const base = { callId: call.id, transcriptVersion: call.transcriptVersion, segmentId: edit.segmentId };
      switch (edit.kind) {
        case 'update':
          return client.calls.updateSegment.mutate({ ...base, text: edit.text, speaker: edit.speaker });
        case 'merge':
          return client.calls.mergeSegments.mutate(base);
        case 'split':
          return client.calls.splitSegment.mutate({ ...base, atChar: edit.atChar, atMs: edit.atMs });
      }
    },
    onSuccess: (detail) => queryClient.setQueryData(callsKeys.detail(call.id), detail),
    onError: (error) => {
      if (trpcErrorCode(error) === 'CONFLICT') void queryClient.invalidateQueries({ queryKey: callsKeys.detail(call.id) });
    },
  });
  const conflict = mutation.isError && trpcErrorCode(mutation.error) === 'CONFLICT';
  return { ...mutation, conflict, failed: mutation.isError && !conflict };
}
