import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans from `@expo-google-fonts/noto-sans` (OFL). PDF's standard 14 fonts are WinAnsi-encoded and
 * have no ą ę ł ń ś ź ż, so every report embeds this TTF (pdfkit subsets it to the glyphs used).
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type ReportFont = keyof typeof FONT_FILES;

const require = createRequire(import.meta.url);
const loaded = new Map<ReportFont, Buffer>();

/** The font file's bytes, read once per process: a report run should not touch the disk for each document. */
export function reportFont(font: ReportFont): Buffer {
  let bytes = loaded.get(font);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FONT_FILES[font]));
    loaded.set(font, bytes);
  }
  return bytes;
}
