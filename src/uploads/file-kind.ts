/**
 * The kinds of file a form may ask for, told apart by their content (magic numbers), never by the
 * name or the type the browser declares: a PNG renamed `payslip.pdf` is a PNG.
 */
export const FILE_KINDS = {
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  png: { mimeType: 'image/png', extension: 'png' },
  pdf: { mimeType: 'application/pdf', extension: 'pdf' },
  heic: { mimeType: 'image/heic', extension: 'heic' },
  webp: { mimeType: 'image/webp', extension: 'webp' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/** Every kind, in the order above (a definition's `types` lists some of them). */
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[];

/** The bytes a sniff needs: the longest signature below (an ISO box header and a dozen brands). */
export const SNIFF_BYTES = 64;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** HEIF brands whose pictures are HEVC-coded, which is what phones write as `.heic`. */
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The brands of an ISO base media file's leading `ftyp` box (major brand, then compatible ones). */
function isoBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return [];
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = Math.min(boxSize, bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/**
 * Which of the form kinds a file's first bytes say it is, or undefined for anything else.
 *
 * @example
 *   sniffFileKind(fs.readFileSync('photo.heic')); // 'heic'
 */
export function sniffFileKind(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  // ISO 32000: a PDF starts with its header, `%PDF-` and the version.
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isoBrands(bytes).some((brand) => HEVC_BRANDS.has(brand))) return 'heic';
  return undefined;
}
