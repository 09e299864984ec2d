export { decodeAudio } from './decode-audio';
export { createFfmpegAudioCodec } from './ffmpeg-audio-codec';
export { locateFfmpeg } from './locate-ffmpeg';
export { probeAudio } from './probe-audio';
