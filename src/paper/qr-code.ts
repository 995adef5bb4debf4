import QRCode from 'qrcode';

/** A QR code as runs of dark modules on each row, for drawing as rectangles or an SVG path. */
export interface QrRuns {
  /** Modules on a side, without the quiet zone. */
  size: number;
  runs: Array<{ row: number; column: number; length: number }>;
}

/** The dark modules of the QR code for a text (medium error correction), row by row. */
export function qrRuns(text: string): QrRuns {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRuns['runs'] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column);
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/**
 * The QR code as an inline SVG image (no external file, no style attribute), with a quiet zone of
 * four modules and an accessible name.
 */
export function qrSvg(text: string, label: string): string {
  const { size, runs } = qrRuns(text);
  const side = size + 8;
  const path = runs
    .map((r) => `M${r.column + 4} ${r.row + 4}h${r.length}v1h-${r.length}z`)
    .join('');
  const name = label.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<svg class="cf-paper-qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" ` +
    `role="img" aria-label="${name}"><rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#0b0c0c" d="${path}"/></svg>`
  );
}
