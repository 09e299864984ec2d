import { z } from 'zod';
import { IdSchema, LiveModeSchema } from '@sufler/shared';
import { CaptureStateSchema } from '../capture-state';

/**
 * The live capture's messages between the side panel, the background, the offscreen document and the
 * microphone permission page. Zod schemas like those of lib/messages.ts (every receiver parses), kept in the
 * feature because they carry `CaptureState` and lib/ does not import features (STYLE.md).
 *
 * | Type | From → to | Payload / reply |
 * | --- | --- | --- |
 * | `sufler/live-start` | panel → background | `liveSessionId`, `mode`, `tabId?` → `{ state }` |
 * | `sufler/live-stop` | panel → background | → `{ state }` once stopped |
 * | `sufler/live-mic-permission-result` | permission page → background, panel | `granted`, `error?` |
 * | `sufler/live-offscreen-start` | background → offscreen | `streamId` (null: mic only), `liveSessionId`, `mode`, `apiUrl` → `{ ok }` |
 * | `sufler/live-offscreen-stop` | background → offscreen | → `{ state }` once `ended` (or timed out) |
 * | `sufler/live-offscreen-state` | offscreen → background | `state`, a few times a second |
 * | `sufler/live-token-request` | offscreen → background; background → panel (port) | → `{ token }` |
 * | `sufler/live-state` | background → panel (port) | `state` |
 * | `sufler/live-token` | panel → background (port) | `requestId`, `token` |
 */

/** The name of the port each open panel keeps to the background: state pushes, token requests, and "panel closed". */
export const LIVE_CAPTURE_PORT = 'sufler/live-capture';

export const LiveStartMessageSchema = z.object({
  type: z.literal('sufler/live-start'),
  liveSessionId: IdSchema,
  mode: LiveModeSchema,
  /** The meeting tab, when the panel knows it; otherwise the tab the rep last clicked the Sufler icon on. */
  tabId: z.number().int().nonnegative().optional(),
});
export type LiveStartMessage = z.infer<typeof LiveStartMessageSchema>;

export const LiveStopMessageSchema = z.object({ type: z.literal('sufler/live-stop') });

export const LiveStateReplySchema = z.object({ state: CaptureStateSchema });

export const MicPermissionResultSchema = z.object({
  type: z.literal('sufler/live-mic-permission-result'),
  granted: z.boolean(),
  error: z.string().max(200).optional(),
});
export type MicPermissionResult = z.infer<typeof MicPermissionResultSchema>;

export const OffscreenStartSchema = z.object({
  type: z.literal('sufler/live-offscreen-start'),
  /** From `tabCapture.getMediaStreamId`; null in mic-only mode. */
  streamId: z.string().min(1).max(500).nullable(),
  liveSessionId: IdSchema,
  mode: LiveModeSchema,
  apiUrl: z.url({ protocol: /^https?$/ }),
});
export type OffscreenStart = z.infer<typeof OffscreenStartSchema>;

export const OffscreenStopSchema = z.object({ type: z.literal('sufler/live-offscreen-stop') });

export const OffscreenStateSchema = z.object({ type: z.literal('sufler/live-offscreen-state'), state: CaptureStateSchema });

export const TokenRequestSchema = z.object({
  type: z.literal('sufler/live-token-request'),
  /** Set on the port (background → panel) to pair the answer; absent from the offscreen's runtime message. */
  requestId: z.number().int().optional(),
});

export const TokenReplySchema = z.object({ token: z.string().min(1).max(4096).nullable() });

export const LiveStatePushSchema = z.object({ type: z.literal('sufler/live-state'), state: CaptureStateSchema });

export const PanelTokenSchema = z.object({
  type: z.literal('sufler/live-token'),
  requestId: z.number().int(),
  token: z.string().min(1).max(4096).nullable(),
});
