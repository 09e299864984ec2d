export { AudioError, type AudioErrorCode } from './audio-error';
export { decodeAudio, type DecodedAudio, type DecodeOptions } from './decode-audio';
export { encodeWav } from './encode-wav';
export { locateFfmpeg } from './locate-ffmpeg';
export { probeAudio, type AudioProbe } from './probe-audio';
export { sliceSamples } from './slice-samples';
export { SNIFF_BYTES, sniffAudioType, type AudioFormat, type AudioType } from './sniff-audio-type';
