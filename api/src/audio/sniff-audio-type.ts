export type AudioFormat = 'wav' | 'mp3' | 'ogg' | 'webm' | 'm4a' | 'flac';
export type AudioType = { format: AudioFormat; mimeType: string };

/** How many leading bytes `sniffAudioType` wants to see (an ID3 tag before FLAC can need more; MP3 then wins). */
export const SNIFF_BYTES = 4096;

/** ISO base media brands of audio (and audio-carrying video) files; images (heic, avif, mif1) stay out. */
const MP4_BRANDS = new Set([
  'M4A ', 'M4B ', 'M4P ', 'mp41', 'mp42', 'isom', 'iso2', 'iso4', 'iso5', 'iso6', 'dash', 'MSNV', 'F4A ', 'F4B ', 'qt  ',
  '3gp4', '3gp5', '3gp6', '3gp7', '3g2a', '3g2b', '3g2c',
]);

const ascii = (head: Uint8Array, at: number, length: number) =>
  at + length <= head.length ? String.fromCharCode(...head.subarray(at, at + length)) : '';

const type = (format: AudioFormat, mimeType: string): AudioType => ({ format, mimeType });

/**
 * The audio container a file holds, told by its first bytes (magic numbers), never by its name;
 * null for anything else. Pass at least the first `SNIFF_BYTES` bytes (or the whole file when smaller).
 */
export function sniffAudioType(head: Uint8Array): AudioType | null {
  const magic = ascii(head, 0, 4);
  if ((magic === 'RIFF' || magic === 'RF64') && ascii(head, 8, 4) === 'WAVE') return type('wav', 'audio/wav');
  if (magic === 'OggS') return type('ogg', 'audio/ogg');
  if (magic === 'fLaC') return type('flac', 'audio/flac');
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return sniffEbml(head);
  if (ascii(head, 4, 4) === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (!MP4_BRANDS.has(brand)) return null;
    return brand.startsWith('3g') ? type('m4a', 'audio/3gpp') : type('m4a', 'audio/mp4');
  }
  if (ascii(head, 0, 3) === 'ID3') {
    // ID3v2 size is "syncsafe": 4 bytes of 7 bits. Rarely a FLAC stream hides behind the tag.
    const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    const footer = (head[5]! & 0x10) !== 0 ? 10 : 0;
    return ascii(head, 10 + size + footer, 4) === 'fLaC' ? type('flac', 'audio/flac') : type('mp3', 'audio/mpeg');
  }
  if (head.length >= 4 && isMpegAudioFrame(head)) return type('mp3', 'audio/mpeg');
  return null;
}

/** WebM is Matroska with the DocType "webm"; the DocType sits within the first few dozen bytes. */
function sniffEbml(head: Uint8Array): AudioType | null {
  const text = ascii(head, 0, Math.min(head.length, 64));
  if (text.includes('webm')) return type('webm', 'audio/webm');
  if (text.includes('matroska')) return type('webm', 'audio/x-matroska');
  return null;
}

/**
 * An MPEG-1/2/2.5 audio frame header: 11 sync bits, a valid version and layer (not AAC's layer 0, so ADTS
 * stays out), a bitrate index that is neither free-format-or-bad (15) and a sample-rate index that is not 3.
 */
function isMpegAudioFrame(head: Uint8Array): boolean {
  const [b0, b1, b2] = [head[0]!, head[1]!, head[2]!];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  const bitrate = (b2 >> 4) & 0b1111;
  const sampleRate = (b2 >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}
