/** Where a live session's audio lives in the blob store until it becomes a call: numbered chunks of interleaved 16 kHz stereo s16le. */
export const liveBlobs = {
  prefix: (liveSessionId: string) => `live/${liveSessionId}/`,
  chunk: (liveSessionId: string, index: number) => `live/${liveSessionId}/chunk-${String(index).padStart(6, '0')}`,
};
