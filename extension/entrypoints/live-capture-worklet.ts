import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LIVE_CAPTURE_PROCESSOR } from '../features/live/capture/worklet-protocol';

/**
 * The live capture's AudioWorklet (`/live-capture-worklet.js`, loaded with `audioWorklet.addModule`). It runs
 * at the AudioContext's native rate, so the meeting plays back at full quality, and posts ~100 ms batches of
 * both sides (input channel 0 = microphone, 1 = tab) to the page: one message per 128-sample quantum would
 * be ~750 messages a second. Downsampling and framing happen in the page (`features/live/capture/framer.ts`),
 * where they are unit-tested. Self-contained: a worklet scope has no imports, no `chrome`, no DOM.
 *
 * Messages: page → worklet `'flush'` (post what is pending, then `{ type: 'flushed' }`);
 * worklet → page `{ type: 'batch', left, right }` (Float32Array, transferred).
 */

declare const sampleRate: number;
declare const registerProcessor: (name: string, processor: new () => unknown) => void;
declare const AudioWorkletProcessor: { new (): { readonly port: MessagePort } };

export default defineUnlistedScript(() => {
  class LiveCaptureProcessor extends AudioWorkletProcessor {
    private readonly size = Math.round(sampleRate / 10);
    private left = new Float32Array(this.size);
    private right = new Float32Array(this.size);
    private filled = 0;

    constructor() {
      super();
      this.port.onmessage = (event: MessageEvent) => {
        if (event.data !== 'flush') return;
        this.post();
        this.port.postMessage({ type: 'flushed' });
      };
    }

    private post() {
      if (this.filled === 0) return;
      const left = this.left.slice(0, this.filled);
      const right = this.right.slice(0, this.filled);
      this.port.postMessage({ type: 'batch', left, right }, [left.buffer, right.buffer]);
      this.filled = 0;
    }

    process(inputs: Float32Array[][]): boolean {
      const input = inputs[0];
      const mic = input?.[0];
      const tab = input?.[1];
      const length = mic?.length ?? tab?.length ?? 128;
      for (let i = 0; i < length; i++) {
        // A side with no channel (nothing connected yet) is silence, so the sides never go out of step.
        this.left[this.filled] = mic?.[i] ?? 0;
        this.right[this.filled] = tab?.[i] ?? 0;
        if (++this.filled === this.size) this.post();
      }
      return true;
    }
  }
  registerProcessor(LIVE_CAPTURE_PROCESSOR, LiveCaptureProcessor);
});
