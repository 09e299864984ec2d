/** Shared by the worklet (entrypoints/live-capture-worklet.ts) and the page that loads it. */
export const LIVE_CAPTURE_PROCESSOR = 'sufler-live-capture';
/** Where WXT writes the unlisted script; `runtime.getURL` of it is what `audioWorklet.addModule` loads. */
export const LIVE_CAPTURE_WORKLET_PATH = '/live-capture-worklet.js';

export type WorkletMessage = { type: 'batch'; left: Float32Array; right: Float32Array } | { type: 'flushed' };

/** An extension URL; WXT's typed `getURL` knows only paths of its generated types, absent when tsc runs alone. */
export const extensionUrl = (runtime: unknown, path: string): string => (runtime as { getURL(path: string): string }).getURL(path);
