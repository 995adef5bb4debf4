import fs from 'node:fs';
import * as fontkit from 'fontkit';

/** The two weights the paper form uses. */
export type Weight = 'regular' | 'bold';
/** Which Noto family draws a character: Noto Sans (Latin, Welsh ŵ ŷ, digits) or Noto Sans Arabic. */
export type Family = 'latin' | 'arabic';

const FILES: Record<Family, Record<Weight, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
};

const loaded = new Map<string, fontkit.Font>();

/** A font of the paper form, read and parsed once for the life of the process. */
export function paperFont(family: Family, weight: Weight): fontkit.Font {
  const key = `${family}-${weight}`;
  let font = loaded.get(key);
  if (!font) {
    font = fontkit.create(fs.readFileSync(require.resolve(FILES[family][weight])));
    loaded.set(key, font);
  }
  return font;
}

// The Arabic blocks, with their presentation forms: letters, marks, digits and punctuation.
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;

/** The family that draws a character: Arabic script in Noto Sans Arabic, the rest in Noto Sans. */
export function familyOf(char: string): Family {
  if (ARABIC.test(char)) return 'arabic';
  const code = char.codePointAt(0) ?? 0;
  const latin = paperFont('latin', 'regular');
  return !latin.hasGlyphForCodePoint(code) &&
    paperFont('arabic', 'regular').hasGlyphForCodePoint(code)
    ? 'arabic'
    : 'latin';
}

// Spaces and invisible format characters are never drawn as glyphs.
const NOT_DRAWN = /[\s\u200b-\u200f\u2066-\u2069\ufeff]/u;

/**
 * The characters of a text that the font chosen for them cannot draw (they would print as empty
 * boxes), in both weights. Empty for every text the example forms print, in every language.
 */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (NOT_DRAWN.test(char)) continue;
    const family = familyOf(char);
    const code = char.codePointAt(0) ?? 0;
    for (const weight of ['regular', 'bold'] as const) {
      if (!paperFont(family, weight).hasGlyphForCodePoint(code)) missing.add(char);
    }
  }
  return [...missing];
}
