// Reads a PDF on standard input and prints its text as JSON, page by page, with each piece's
// position: what a screen reader, a search or a copy and paste would get; and the lines and boxes
// each page strokes (lines to write on, tick boxes, date boxes), where they are drawn. pdfjs-dist
// is an ES module, which ts-jest's CommonJS cannot load, so the tests run this in a child process.
import { Buffer } from 'node:buffer';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The product of two transformation matrices [a b c d e f]: `m` applied, then `n`. */
function multiply(m, n) {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m, x, y) {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The outline of the points, on the page (points from the bottom left). */
function bounds(m, points) {
  const placed = points.map(([x, y]) => apply(m, x, y));
  const xs = placed.map(([x]) => x);
  const ys = placed.map(([, y]) => y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The boxes and lines a page strokes, each with its place on the page. */
async function strokesOf(page) {
  const { fnArray, argsArray } = await page.getOperatorList();
  const strokes = [];
  const stack = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  let pending = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(args, ctm);
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args;
      pending = [];
      let at = 0;
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, h] = coords.slice(at, at + 4);
          pending.push({
            kind: 'box',
            ...bounds(ctm, [
              [x, y],
              [x + w, y + h],
            ]),
          });
          at += 4;
        } else if (op === OPS.moveTo || op === OPS.lineTo) {
          const [x, y] = coords.slice(at, at + 2);
          if (op === OPS.moveTo) pending.push({ kind: 'line', points: [[x, y]] });
          else pending.at(-1)?.points?.push([x, y]);
          at += 2;
        } else {
          pending = [];
          break;
        }
      }
    } else if (fn === OPS.stroke) {
      for (const shape of pending) {
        strokes.push(shape.points ? { kind: 'line', ...bounds(ctm, shape.points) } : shape);
      }
      pending = [];
    } else if (fn === OPS.fill || fn === OPS.eoFill || fn === OPS.endPath) pending = [];
  });
  return strokes;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 })
  .promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  const items = content.items
    .filter((item) => 'str' in item && item.str !== '')
    .map((item) => ({
      text: item.str,
      x: item.transform[4],
      y: item.transform[5],
      width: item.width,
      font: item.fontName,
    }));
  const strokes = process.argv.includes('--strokes') ? await strokesOf(page) : undefined;
  pages.push({ number, width: page.view[2], height: page.view[3], items, strokes });
}
const info = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ info: info.info, pages }));
