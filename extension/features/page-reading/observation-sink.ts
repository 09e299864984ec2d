import type { StoreApi } from 'zustand/vanilla';
import type { ConversationState } from '../cockpit/conversation-store';

/**
 * The part of the conversation store page reading uses: whether a stream is running, and the one entry
 * point for observations (the resilience work may queue behind it; page reading keeps calling it).
 */
export type ObservationSink = StoreApi<Pick<ConversationState, 'sending' | 'sendObservation'>>;
