import type { ConsultantChannel, Speaker, SpeechSpan } from '../../schemas/call';

export type LabelledSpan = SpeechSpan & { speaker: Speaker };

/**
 * Speakers of a stereo recording by channel: phone systems record each side of a call on its own
 * channel, so the consultant's channel (0 = left, 1 = right) makes CONSULTANT and the other CLIENT.
 * Returned in time order (ties: the earlier end, then the left channel). Only meaningful for stereo:
 * a mono recording's spans are all channel 0.
 */
export function labelByChannel(spans: readonly SpeechSpan[], consultantChannel: ConsultantChannel): LabelledSpan[] {
  const consultant = consultantChannel === 'left' ? 0 : 1;
  return spans
    .map((span): LabelledSpan => ({ ...span, speaker: span.channel === consultant ? 'CONSULTANT' : 'CLIENT' }))
    .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs || a.channel - b.channel);
}
