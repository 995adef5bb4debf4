/** The part of fontkit (pdfkit's own font engine) the paper form uses: glyph checks and layout. */
declare module 'fontkit' {
  export interface Path {
    /** The outline as SVG path data, in font units with y up. */
    toSVG(): string;
  }
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
    path: Path;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
    direction: 'ltr' | 'rtl';
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: unknown): GlyphRun;
  }
  export function create(buffer: Buffer | Uint8Array): Font;
}
