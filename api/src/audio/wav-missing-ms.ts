const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const id = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/**
 * How many milliseconds of audio a RIFF/WAVE header declares beyond the end of the file: a cut-off
 * upload. ffmpeg decodes what is there without complaint, so this is checked separately. 0 when nothing
 * is missing, when the header uses the "unknown length" sizes that streaming writers put (0 or 0xFFFFFFFF),
 * or when the chunks cannot be followed within `head`.
 */
export function wavMissingMs(head: Uint8Array, fileSize: number): number {
  if (head.length < 12 || id(head, 0) !== 'RIFF' || id(head, 8) !== 'WAVE') return 0;
  let byteRate = 0;
  for (let at = 12; at + 8 <= head.length; ) {
    const chunk = id(head, at);
    const size = u32(head, at + 4);
    if (chunk === 'fmt ' && at + 20 <= head.length) byteRate = u32(head, at + 16);
    if (chunk === 'data') {
      if (size === 0 || size === 0xffffffff || byteRate === 0) return 0;
      const missing = at + 8 + size - fileSize;
      return missing > 0 ? Math.round((missing / byteRate) * 1000) : 0;
    }
    at += 8 + size + (size % 2);
  }
  return 0;
}
