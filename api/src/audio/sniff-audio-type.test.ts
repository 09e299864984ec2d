import { expect, test } from 'vitest';
import { sniffAudioType } from './sniff-audio-type';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const box = (brand: string) => bytes([0, 0, 0, 0x20], 'ftyp', brand, [0, 0, 2, 0], 'isomiso2mp41');
const id3 = (size: number, after: string) => bytes('ID3', [4, 0, 0, 0, 0, 0, size], 'x'.repeat(size), after);

test.each<[string, Uint8Array, string | null]>([
  ['RIFF/WAVE', bytes('RIFF', [0x24, 0x08, 0, 0], 'WAVEfmt '), 'wav audio/wav'],
  ['RF64/WAVE (over 4 GB)', bytes('RF64', [0xff, 0xff, 0xff, 0xff], 'WAVEds64'), 'wav audio/wav'],
  ['RIFF that is not WAVE (AVI)', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), null],
  ['MP3 with an ID3v2 tag', id3(4, '\xff\xfb\x90\x64'), 'mp3 audio/mpeg'],
  ['MP3 frame sync, MPEG-1 layer III', bytes([0xff, 0xfb, 0x90, 0x64]), 'mp3 audio/mpeg'],
  ['MP3 frame sync, MPEG-2.5 layer III (8 kHz telephone)', bytes([0xff, 0xe3, 0x58, 0xc4]), 'mp3 audio/mpeg'],
  ['AAC ADTS is not MP3 (layer 0)', bytes([0xff, 0xf1, 0x50, 0x80]), null],
  ['a bad MPEG bitrate index', bytes([0xff, 0xfb, 0xf0, 0x64]), null],
  ['FLAC behind an ID3 tag', id3(6, 'fLaC'), 'flac audio/flac'],
  ['Ogg', bytes('OggS', [0, 2, 0, 0, 0, 0, 0, 0, 0, 0], 'OpusHead'), 'ogg audio/ogg'],
  ['FLAC', bytes('fLaC', [0, 0, 0, 0x22]), 'flac audio/flac'],
  ['WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'), 'webm audio/webm'],
  ['Matroska', bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88], 'matroska'), 'webm audio/x-matroska'],
  ['EBML of another kind', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x00, 0x00]), null],
  ['M4A (iPhone)', box('M4A '), 'm4a audio/mp4'],
  ['MP4 (Android recorder)', box('mp42'), 'm4a audio/mp4'],
  ['3GP (old phones)', box('3gp4'), 'm4a audio/3gpp'],
  ['HEIC image is not audio', box('heic'), null],
  ['PNG', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 0x0d], 'IHDR'), null],
  ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3'), null],
  ['plain text', bytes('Dzień dobry, tu Marek z salonu'), null],
  ['nothing', new Uint8Array(0), null],
  ['too short to tell', bytes('RI'), null],
])('%s', (_name, head, expected) => {
  const found = sniffAudioType(head);
  expect(found && `${found.format} ${found.mimeType}`).toBe(expected);
});
