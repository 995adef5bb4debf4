// Reads a PDF on standard input and prints its text as JSON, page by page, with each piece's
// position: what a screen reader, a search or a copy and paste would get. pdfjs-dist is an ES
// module, which ts-jest's CommonJS cannot load, so the tests run this in a child process.
import { Buffer } from 'node:buffer';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 })
  .promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  const fonts = new Set();
  const items = content.items
    .filter((item) => 'str' in item && item.str !== '')
    .map((item) => {
      fonts.add(item.fontName);
      return {
        text: item.str,
        x: item.transform[4],
        y: item.transform[5],
        width: item.width,
        font: item.fontName,
      };
    });
  pages.push({ number, width: page.view[2], items });
}
const info = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ info: info.info, pages }));
