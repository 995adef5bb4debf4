import { extractableFont, silentShapes } from '../../src/paper/font-faces';
import { paperFont } from '../../src/paper/fonts';

const arabic = paperFont('arabic', 'regular');
const latin = paperFont('latin', 'regular');

/** What each glyph of a laid-out text stands for, in the order the glyphs are drawn. */
function texts(font: ReturnType<typeof paperFont>, text: string, mirrored = false): string[] {
  return extractableFont(font, mirrored)
    .layout(text)
    .glyphs.map((g) => String.fromCodePoint(...g.codePoints));
}

describe('the fonts as the PDF embeds them', () => {
  it('gives each Arabic letter on a shared skeleton its own character, and draws the dots as shapes', () => {
    // ت ب ي ن share one skeleton in Noto Sans Arabic; the dots are glyphs of their own.
    const drawn = texts(arabic, 'تبين');
    expect(drawn.reverse().join('')).toBe('تبين');
    expect(drawn.every((chars) => chars.length > 0)).toBe(true);
    expect(silentShapes(arabic, 'تبين').length).toBeGreaterThanOrEqual(4);
    // Glyphs taken out of the text keep the others where they were.
    expect(extractableFont(arabic).layout('تبين').advanceWidth).toBe(
      arabic.layout('تبين').advanceWidth,
    );
  });

  it('draws Arabic vowel signs but leaves them out of the text; keeps a Latin accent with its letter', () => {
    expect(texts(arabic, 'قدِّم').reverse().join('')).toBe('قدم');
    expect(silentShapes(arabic, 'قدِّم').length).toBeGreaterThanOrEqual(2);
    expect(texts(latin, 'Cafe\u0301').join('')).toBe('Cafe\u0301');
    expect(texts(latin, 'Cafe\u0301').at(-1)).toMatch(/^(e\u0301|é)$/u);
  });

  it('draws a mirrored bracket as its mirror image, standing for the bracket written', () => {
    const [glyph] = extractableFont(latin, true).layout('(').glyphs;
    expect(glyph?.path.toSVG()).toBe(latin.layout(')').glyphs[0]?.path.toSVG());
    expect(glyph?.path.toSVG()).not.toBe(latin.layout('(').glyphs[0]?.path.toSVG());
    expect(glyph?.codePoints).toEqual(['('.codePointAt(0)]);
    expect(texts(latin, '«»', true)).toEqual(['«', '»']);
    // pdfkit would take two fonts of one name for one font.
    expect(extractableFont(latin, true).postscriptName).not.toBe(latin.postscriptName);
  });
});
