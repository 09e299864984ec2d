import { LiveModeSchema, LiveStatusSchema, LiveTranscriptionSchema } from '@sufler/shared';

export const LIVE_MODES = LiveModeSchema.options;
export const LIVE_STATUSES = LiveStatusSchema.options;
export const LIVE_TRANSCRIPTIONS = LiveTranscriptionSchema.options;
